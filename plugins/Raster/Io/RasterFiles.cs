namespace LstmFcn.Plugins.Raster.Io;

/// <summary>Pixel types, numbered as GDAL numbers them.</summary>
public enum RasterDataType { Byte = 1, UInt16 = 2, Int16 = 3, UInt32 = 4, Int32 = 5, Float32 = 6, Float64 = 7 }

/// <summary>
/// Where a raster's pixels lie: size, affine geotransform (x0, dx, rx, y0, ry, dy; GDAL's order, upper-left corner of
/// the upper-left pixel) and CRS as WKT.
/// </summary>
public sealed record RasterGrid(int Width, int Height, double[] GeoTransform, string ProjectionWkt)
{
    /// <summary>Same size and geotransform (to a thousandth of a pixel) and the same CRS text.</summary>
    public bool Matches(RasterGrid other, out string difference)
    {
        difference = "";
        if (Width != other.Width || Height != other.Height) difference = $"size {other.Width} × {other.Height}, expected {Width} × {Height}";
        else if (!SameTransform(other)) difference = $"geotransform [{string.Join(", ", other.GeoTransform)}], expected [{string.Join(", ", GeoTransform)}]";
        else if (!string.Equals(Normalise(ProjectionWkt), Normalise(other.ProjectionWkt), StringComparison.Ordinal)) difference = "a different CRS";
        return difference.Length == 0;
    }

    bool SameTransform(RasterGrid other)
    {
        double tolerance = 1e-3 * Math.Max(Math.Abs(GeoTransform[1]), Math.Abs(GeoTransform[5]));
        for (int i = 0; i < 6; i++)
            if (Math.Abs(GeoTransform[i] - other.GeoTransform[i]) > tolerance) return false;
        return true;
    }

    static string Normalise(string wkt) => string.Concat(wkt.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Map coordinates (cube CRS) → fractional pixel column and row (north-up grids).</summary>
    public (double Column, double Row) ToPixel(double x, double y)
    {
        var g = GeoTransform;
        double det = g[1] * g[5] - g[2] * g[4];
        double dx = x - g[0], dy = y - g[3];
        return ((g[5] * dx - g[2] * dy) / det, (-g[4] * dx + g[1] * dy) / det);
    }
}

/// <summary>An open raster file for reading.</summary>
public interface IRasterReader : IDisposable
{
    string Path { get; }
    RasterGrid Grid { get; }
    int BandCount { get; }
    RasterDataType DataType(int band);
    double? NoData(int band);
    (int Width, int Height) BlockSize(int band);
    string? Description(int band);
    /// <summary>A metadata item of the dataset (default domain), or null.</summary>
    string? Metadata(string key);
    /// <summary>The band's category names (class names of a class map); empty when it has none.</summary>
    IReadOnlyList<string> CategoryNames(int band);
    /// <summary>Reads a window of one band (1-based) as floats, row-major, into <paramref name="buffer"/> (w·h values).</summary>
    void Read(int band, int x, int y, int width, int height, Span<float> buffer);
    void Read(int band, int x, int y, int width, int height, Span<ushort> buffer);
}

/// <summary>
/// What a new GeoTIFF looks like: grid, bands, pixel type, nodata, tiling and compression; <paramref name="Cloud"/>: a
/// Cloud-Optimized GeoTIFF (what QGIS, GDAL's validator and HTTP range readers expect of a map).
/// </summary>
public sealed record RasterCreation(string Path, RasterGrid Grid, int Bands, RasterDataType Type, double? NoData,
    int Tile = 512, string Compression = "DEFLATE", bool Cloud = true);

/// <summary>A raster file being written.</summary>
public interface IRasterWriter : IDisposable
{
    void Write(int band, int x, int y, int width, int height, ReadOnlySpan<ushort> values);
    void Write(int band, int x, int y, int width, int height, ReadOnlySpan<byte> values);
    void Write(int band, int x, int y, int width, int height, ReadOnlySpan<float> values);
    void SetBandDescription(int band, string description);
    void SetColorTable(int band, IReadOnlyList<(byte R, byte G, byte B)> colours);
    void SetCategoryNames(int band, IReadOnlyList<string> names);
    void SetScale(int band, double scale, double offset);
    void SetMetadata(string key, string value);
    void BuildOverviews(string resampling, IReadOnlyList<int> factors);
}

/// <summary>Reprojects points between two coordinate reference systems (x = easting/longitude, y = northing/latitude).</summary>
public interface ICoordinateTransform : IDisposable
{
    (double X, double Y) Transform(double x, double y);
}

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
