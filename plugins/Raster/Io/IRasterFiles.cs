namespace LstmFcn.Plugins.Raster.Io;

/// <summary>
/// The raster services the cube plugins need. GDAL provides them (<see cref="Gdal.GdalRasterFiles"/>); another binding
/// can replace it by implementing this interface.
/// </summary>
public interface IRasterFiles
{
    IRasterReader Open(string path);
    IRasterWriter Create(RasterCreation creation);
    /// <summary>A transform from <paramref name="source"/> to <paramref name="target"/>: WKT, or "EPSG:code".</summary>
    ICoordinateTransform Transform(string source, string target);
    /// <summary>Metres per unit of a projected CRS (WKT or "EPSG:code"); null for a geographic CRS (degrees) or none.</summary>
    double? MetresPerUnit(string crs);
    /// <summary>Writes an 8-bit RGB image (row-major, interleaved) as PNG.</summary>
    void WritePng(string path, int width, int height, ReadOnlySpan<byte> rgb);
}
