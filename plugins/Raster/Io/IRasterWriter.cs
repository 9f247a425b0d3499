namespace LstmFcn.Plugins.Raster.Io;

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
