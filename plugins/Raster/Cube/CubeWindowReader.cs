using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Cube;

/// <summary>
/// Reads rectangular windows of every (band, date) file of a cube into per-pixel series: for pixel p of the window,
/// values [p·B·D + b·D + d] hold band b at date d, scaled to physical units, NaN where the file has nodata.
/// Files stay open between windows, each once however many bands it holds; reads are serialised (a GDAL dataset is
/// not safe to share between threads).
/// </summary>
public sealed class CubeWindowReader : IDisposable
{
    readonly RasterCube _cube;
    readonly IRasterReader[,] _readers;
    readonly List<IRasterReader> _opened = new();
    readonly object _lock = new();
    float[] _plane = Array.Empty<float>();

    public CubeWindowReader(IRasterFiles io, RasterCube cube)
    {
        _cube = cube;
        _readers = new IRasterReader[cube.Bands.Count, cube.Dates.Count];
        var byPath = new Dictionary<string, IRasterReader>(StringComparer.Ordinal);
        try
        {
            for (int b = 0; b < cube.Bands.Count; b++)
                for (int d = 0; d < cube.Dates.Count; d++)
                {
                    var path = cube.File(b, d);
                    if (!byPath.TryGetValue(path, out var reader)) { _opened.Add(byPath[path] = reader = io.Open(path)); }
                    _readers[b, d] = reader;
                }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public void Read(int x, int y, int width, int height, Span<float> values)
    {
        int bands = _cube.Bands.Count, dates = _cube.Dates.Count, n = width * height, perPixel = bands * dates;
        if (values.Length < n * perPixel) throw new ArgumentException("buffer too small for the window", nameof(values));
        float scale = (float)_cube.Scale, offset = (float)_cube.Offset;
        lock (_lock)
        {
            if (_plane.Length < n) _plane = new float[n];
            var plane = _plane.AsSpan(0, n);
            for (int b = 0; b < bands; b++)
                for (int d = 0; d < dates; d++)
                {
                    _readers[b, d].Read(_cube.Layer(b, d).Band, x, y, width, height, plane);
                    var noData = _cube.NoData(b, d);
                    bool hasNoData = noData is { } nd && !double.IsNaN(nd);
                    float nodataValue = hasNoData ? (float)noData!.Value : float.NaN;
                    int slot = b * dates + d;
                    for (int p = 0; p < n; p++)
                    {
                        float v = plane[p];
                        values[p * perPixel + slot] = (hasNoData && v == nodataValue) || float.IsNaN(v) ? float.NaN : v * scale + offset;
                    }
                }
        }
    }

    public void Dispose()
    {
        foreach (var r in _opened) r.Dispose();
    }
}
