using System.Globalization;
using LstmFcn.Pipeline;
using LstmFcn.Plugins.Raster.Cube;
using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Stac;

/// <summary>
/// The <c>source: stac</c> parameters of every cube plugin: <c>cube</c> is then a STAC API root (POST /search) or a
/// static catalog / ItemCollection (.json file or URL), and one tile's items become the cube.
/// </summary>
public static class StacCubeParameters
{
    public static IEnumerable<ParameterSpec> Specs() => new[]
    {
        new ParameterSpec("stac_collections", ParameterType.StringList, "source stac: collections to search") { Default = new List<string>() },
        ParameterSpec.Text("stac_bbox", "", "source stac: 'minlon,minlat,maxlon,maxlat' to search in (empty: anywhere)"),
        ParameterSpec.Text("stac_datetime", "", "source stac: RFC 3339 date-time or interval to search, e.g. 2013-09-01/2014-08-31"),
        ParameterSpec.Int("stac_limit", 100, "source stac: items per page of the search (the API pages with 'next' links)", min: 1, max: 10_000),
        ParameterSpec.Text("stac_tile", "", "source stac: the tile to read (s2:mgrs_tile, grid:code, tile); empty when the source has one"),
        new ParameterSpec("stac_bands_map", ParameterType.StringList, "source stac: asset key → band name pairs 'KEY=BAND' over the defaults (B04=RED, nir=NIR, SCL=CLOUD …)") { Default = new List<string>() },
    };

    public static StacQuery Query(PluginArguments args, string plugin)
    {
        var bboxText = args.GetString("stac_bbox").Trim();
        var bbox = new List<double>();
        if (bboxText.Length > 0)
        {
            foreach (var part in bboxText.Split(','))
                bbox.Add(double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                    : throw new ArgumentException($"{plugin}.stac_bbox '{bboxText}': expected four numbers minlon,minlat,maxlon,maxlat"));
            if (bbox.Count != 4) throw new ArgumentException($"{plugin}.stac_bbox '{bboxText}': expected four numbers minlon,minlat,maxlon,maxlat");
        }
        var datetime = args.GetString("stac_datetime").Trim();
        return new StacQuery(args.GetStringList("stac_collections"), bbox, datetime.Length > 0 ? datetime : null, args.GetInt("stac_limit"));
    }

    /// <summary>The tiles of the source the arguments name (items found and grouped; no file opened).</summary>
    public static IReadOnlyList<StacTile> Tiles(PluginArguments args, string plugin)
    {
        using var source = new StacSource();
        var items = source.Find(args.GetString("cube"), Query(args, plugin));
        if (items.Count == 0) throw new InvalidDataException($"{args.GetString("cube")}: the STAC source has no item for this query ({plugin})");
        return StacTiles.Group(items, new StacBandNames(args.GetStringList("stac_bands_map"), $"{plugin}.stac_bands_map"));
    }

    public static RasterCube Open(PluginArguments args, IRasterFiles io, string plugin)
    {
        var tiles = Tiles(args, plugin);
        var wanted = args.GetString("stac_tile");
        StacTile tile;
        if (wanted.Length == 0)
        {
            if (tiles.Count > 1)
                throw new ArgumentException($"{args.GetString("cube")}: {tiles.Count} tiles ({string.Join(", ", tiles.Select(t => t.Name))}); choose one with {plugin}.stac_tile");
            tile = tiles[0];
        }
        else tile = tiles.FirstOrDefault(t => t.Name == wanted)
                    ?? throw new ArgumentException($"{plugin}.stac_tile '{wanted}' is not a tile of {args.GetString("cube")} ({string.Join(", ", tiles.Select(t => t.Name))})");
        var bands = args.GetStringList("bands");
        foreach (var (band, date) in tile.Missing.Where(m => bands.Count == 0 || bands.Contains(m.Band)))
            throw new InvalidDataException($"{args.GetString("cube")}: tile {tile.Name} has no '{band}' asset on {date:yyyy-MM-dd}; choose bands, or a datetime without that item");
        if (tile.Files.Values.SelectMany(d => d.Values).Any(Gdal.GdalPaths.IsRemote)) RemoteCubeParameters.Settings(args).Apply();
        return RasterCube.FromFiles(io, tile.Files, bands, args.GetDouble("scale"), args.GetDouble("offset"), $"{args.GetString("cube")} tile {tile.Name} ({plugin})");
    }

    /// <summary>
    /// `cube describe SOURCE` for a STAC source (API root or static catalog / ItemCollection, file or URL): tiles,
    /// bands, dates, CRS, resolution and missing assets; no pixel is read (one file header per tile at most).
    /// </summary>
    public static string Describe(string source, IReadOnlyList<string> collections, string? datetime, IReadOnlyList<string> bandsMap, int limit = 100)
    {
        using var stac = new StacSource();
        var items = stac.Find(source, new StacQuery(collections, Array.Empty<double>(), datetime, limit));
        var tiles = StacTiles.Group(items, new StacBandNames(bandsMap, "bands_map"));
        return $"{source}: {items.Count} item(s) in {stac.Pages} page(s)\n" + StacTiles.Describe(tiles, Gdal.GdalRasterFiles.Instance);
    }
}
