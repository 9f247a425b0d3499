using System.Globalization;
using System.Text.Json.Nodes;

namespace LstmFcn.Pipeline.Tests.Support;

/// <summary>
/// The Sinop cube cut into two tiles of 25 × 50 pixels, "left" and "right" (one COG of 16-px blocks per tile and date,
/// gdal_translate -srcwin … -of COG), and their STAC items (one NDVI asset each, 23 dates per tile): what the STAC
/// specs and the STAC test server (tools/StacTestServer) serve.
/// </summary>
public static class SinopStacTiles
{
    /// <summary>Writes the tiles' COGs into <paramref name="folder"/> (those already there are kept); returns the folder.</summary>
    public static string Make(string sinopCube, string folder)
    {
        Directory.CreateDirectory(folder);
        var jobs = Directory.GetFiles(sinopCube, "*.tif").SelectMany(f => new[] { (f, "left", 0), (f, "right", 25) });
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, job =>
        {
            var (f, tile, x) = job;
            var target = Path.Combine(folder, $"{tile}_{Path.GetFileName(f)}");
            if (!File.Exists(target))
                GdalTools.Run("gdal_translate", "-q", "-srcwin", x.ToString(CultureInfo.InvariantCulture), "0", "25", "50", "-of", "COG", "-co", "BLOCKSIZE=16", f, target);
        });
        return folder;
    }

    /// <summary>The tiles' files in name order: (tile, date yyyy-MM-dd, file name).</summary>
    public static IEnumerable<(string Tile, string Date, string File)> Files(string folder) =>
        Directory.GetFiles(folder, "*.tif").Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .Select(n => (n!.Split('_')[0], n[^14..^4], n!));

    /// <summary>One item per tile and date in collection "sinop"; the asset's href made by <paramref name="href"/> from the file name.</summary>
    public static List<JsonObject> Items(string folder, Func<string, string> href) => Files(folder).Select(t => new JsonObject
    {
        ["type"] = "Feature", ["stac_version"] = "1.0.0", ["id"] = $"{t.Tile}-{t.Date}", ["collection"] = "sinop",
        ["properties"] = new JsonObject { ["datetime"] = $"{t.Date}T13:30:00Z", ["tile"] = t.Tile },
        ["assets"] = new JsonObject
        {
            ["NDVI"] = new JsonObject { ["href"] = href(t.File), ["type"] = "image/tiff; application=geotiff; profile=cloud-optimized" },
            ["thumbnail"] = new JsonObject { ["href"] = "thumb.png", ["type"] = "image/png" },
        },
    }).ToList();
}
