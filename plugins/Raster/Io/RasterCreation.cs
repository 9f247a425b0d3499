namespace LstmFcn.Plugins.Raster.Io;

/// <summary>
/// What a new GeoTIFF looks like: grid, bands, pixel type, nodata, tiling and compression; <paramref name="Cloud"/>: a
/// Cloud-Optimized GeoTIFF (what QGIS, GDAL's validator and HTTP range readers expect of a map).
/// </summary>
public sealed record RasterCreation(string Path, RasterGrid Grid, int Bands, RasterDataType Type, double? NoData,
    int Tile = 512, string Compression = "DEFLATE", bool Cloud = true);
