using LstmFcn.Plugins.Raster.Gdal;
using LstmFcn.Plugins.Raster.Stac;

namespace LstmFcn.Plugins.Raster.Cube;

/// <summary>
/// <c>lstmfcn cube describe</c>: what a cube holds before any pixel is read. A STAC source is searched and its items
/// grouped by tile; a folder cube (or a remote one with its file list) is known from its file names. Either way one
/// file header per tile gives the CRS, resolution and size where the items do not say.
/// </summary>
public static class CubeDescription
{
    public static string Describe(CubeOptions options, string plugin)
    {
        if (options.Source == CubeSource.Stac) return StacCubeParameters.DescribeSource(options, plugin);
        var naming = CubeParameters.Naming(options.Pattern, options.DateFormat, plugin);
        var files = CubeParameters.Files(options, plugin);
        if (files.Count == 0) throw new InvalidDataException($"{options.Cube}: no {options.Extension} files in the cube folder ({plugin}.cube)");
        var byBand = RasterCube.ByBand(GdalRasterFiles.Instance, files, naming, options.BandNames);
        var name = Path.GetFileName(options.Cube.TrimEnd('/')) is { Length: > 0 } n ? n : options.Cube;
        var tile = StacTiles.Tile(name, byBand, byBand.Values.SelectMany(d => d.Keys), files.Count, epsg: null, resolution: null);
        return $"{options.Cube}: folder cube, {files.Count} file(s) named {naming.Pattern}\n" +
               StacTiles.Describe(new[] { tile }, GdalRasterFiles.Instance, units: "file(s)", missingWhat: "files");
    }
}
