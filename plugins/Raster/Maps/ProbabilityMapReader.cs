using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>Reads windows of a probability GeoTIFF (UInt16 × 1e-4) as floats, class-major, NaN for masked pixels.</summary>
public sealed class ProbabilityMapReader : IDisposable
{
    readonly IRasterReader _reader;

    public ProbabilityMapReader(IRasterFiles io, string path)
    {
        _reader = io.Open(path);
        Path = path;
        Classes = Enumerable.Range(1, _reader.BandCount).Select(b => _reader.Description(b) is { Length: > 0 } d ? d : $"class{b}").ToList();
    }

    public string Path { get; }
    public RasterGrid Grid => _reader.Grid;
    public IReadOnlyList<string> Classes { get; }

    public float[] Read(int x, int y, int width, int height)
    {
        int n = width * height, k = Classes.Count;
        var raw = new ushort[n];
        var result = new float[k * n];
        for (int c = 0; c < k; c++)
        {
            _reader.Read(c + 1, x, y, width, height, raw);
            var plane = result.AsSpan(c * n, n);
            for (int i = 0; i < n; i++) plane[i] = raw[i] == MapLayout.ProbabilityNoData ? float.NaN : MapLayout.DecodeProbability(raw[i]);
        }
        return result;
    }

    public void Dispose() => _reader.Dispose();
}
