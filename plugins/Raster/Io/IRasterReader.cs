namespace LstmFcn.Plugins.Raster.Io;

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
