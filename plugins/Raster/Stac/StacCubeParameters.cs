using System.Globalization;
using LstmFcn.Pipeline;
using LstmFcn.Plugins.Raster.Cube;
using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Stac;

/// <summary>
/// A cube from a STAC source (<c>source: stac</c>, parameters in <see cref="CubeOptions"/>): <c>cube</c> is then a STAC
/// API root (POST /search) or a static catalog / ItemCollection (.json file or URL), and one tile's items become the cube.
/// </summary>
public static class StacCubeParameters
{
    public static StacQuery Query(CubeOptions options, string plugin)
    {
        var bboxText = options.StacBbox.Trim();
        var bbox = new List<double>();
        if (bboxText.Length > 0)
        {
            foreach (var part in bboxText.Split(','))
                bbox.Add(double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                    : throw new ArgumentException($"{plugin}.stac_bbox '{bboxText}': expected four numbers minlon,minlat,maxlon,maxlat"));
            if (bbox.Count != 4) throw new ArgumentException($"{plugin}.stac_bbox '{bboxText}': expected four numbers minlon,minlat,maxlon,maxlat");
        }
        var datetime = options.StacDatetime.Trim();
        return new StacQuery(options.StacCollections, bbox, datetime.Length > 0 ? datetime : null, options.StacLimit);
    }

    /// <summary>The tiles of the source the arguments name (items found and grouped; no file opened).</summary>
    public static IReadOnlyList<StacTile> Tiles(CubeOptions options, string plugin)
    {
        using var source = new StacSource();
        var items = source.Find(options.Cube, Query(options, plugin));
        if (items.Count == 0) throw new InvalidDataException($"{options.Cube}: the STAC source has no item for this query ({plugin})");
        return StacTiles.Group(items, new StacBandNames(options.StacBandsMap, $"{plugin}.stac_bands_map"));
    }

    public static RasterCube Open(CubeOptions options, IRasterFiles io, string plugin, IReadOnlyList<string>? chosenBands = null)
    {
        var tiles = Tiles(options, plugin);
        var wanted = options.StacTile;
        StacTile tile;
        if (wanted.Length == 0)
        {
            if (tiles.Count > 1)
                throw new ArgumentException($"{options.Cube}: {tiles.Count} tiles ({string.Join(", ", tiles.Select(t => t.Name))}); choose one with {plugin}.stac_tile");
            tile = tiles[0];
        }
        else tile = tiles.FirstOrDefault(t => t.Name == wanted)
                    ?? throw new ArgumentException($"{plugin}.stac_tile '{wanted}' is not a tile of {options.Cube} ({string.Join(", ", tiles.Select(t => t.Name))})");
        var bands = chosenBands ?? options.Bands;
        foreach (var (band, date) in tile.Missing.Where(m => bands.Count == 0 || bands.Contains(m.Band)))
            throw new InvalidDataException($"{options.Cube}: tile {tile.Name} has no '{band}' asset on {date:yyyy-MM-dd}; choose bands, or a datetime without that item");
        if (tile.Files.Values.SelectMany(d => d.Values).Any(Gdal.GdalPaths.IsRemote)) RemoteCubeParameters.Settings(options).Apply();
        return RasterCube.FromFiles(io, tile.Files, bands, options.Scale, options.Offset, $"{options.Cube} tile {tile.Name} ({plugin})");
    }

    /// <summary>
    /// `cube describe SOURCE` for a STAC source (API root or static catalog / ItemCollection, file or URL): tiles,
    /// bands, dates, CRS, resolution and missing assets; no pixel is read (one file header per tile at most).
    /// </summary>
    public static string DescribeSource(CubeOptions options, string plugin)
    {
        using var stac = new StacSource();
        var items = stac.Find(options.Cube, Query(options, plugin));
        if (items.Count == 0) throw new InvalidDataException($"{options.Cube}: the STAC source has no item for this query ({plugin})");
        var tiles = StacTiles.Group(items, new StacBandNames(options.StacBandsMap, $"{plugin}.stac_bands_map"));
        return $"{options.Cube}: {items.Count} item(s) in {stac.Pages} page(s)\n" + StacTiles.Describe(tiles, Gdal.GdalRasterFiles.Instance);
    }

    /// <summary>The same, from the search's terms alone (no bbox).</summary>
    public static string Describe(string source, IReadOnlyList<string> collections, string? datetime, IReadOnlyList<string> bandsMap, int limit = 100)
    {
        using var stac = new StacSource();
        var items = stac.Find(source, new StacQuery(collections, Array.Empty<double>(), datetime, limit));
        var tiles = StacTiles.Group(items, new StacBandNames(bandsMap, "bands_map"));
        return $"{source}: {items.Count} item(s) in {stac.Pages} page(s)\n" + StacTiles.Describe(tiles, Gdal.GdalRasterFiles.Instance);
    }
}
