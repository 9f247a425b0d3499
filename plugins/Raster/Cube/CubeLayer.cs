namespace LstmFcn.Plugins.Raster.Cube;

/// <summary>Where one band of one date is stored: a file and its band (1-based, GDAL's numbering).</summary>
public readonly record struct CubeLayer(string Path, int Band);
