using LstmFcn.Pipeline;

namespace LstmFcn.Rocket;

/// <summary>
/// One thread's buffers for MiniRocket convolutions of one series at one dilation d: per channel the zero-padded
/// series ×3 (4d zeros each side) and A = −Σ of the nine dilated taps, so that a kernel's output is A plus three
/// shifted spans of 3X — additions only, no multiplications.
/// </summary>
public sealed class MiniRocketWorkspace
{
    float[][] _padded3 = [];
    float[][] _alpha = [];
    float[] _scratch = [];
    float[] _shares = [];
    public float[] Output { get; private set; } = [];

    int _length, _dilation;

    /// <summary>Length of the outputs of the prepared series ("same" convolution: one per time step).</summary>
    public int Length => _length;
    public int Padding => 4 * _dilation;

    public void Prepare(in SeriesView series, int dilation)
    {
        int n = series.Length, pad = 4 * dilation, padded = n + 2 * pad;
        if (_padded3.Length < series.Channels)
        {
            _padded3 = new float[series.Channels][];
            _alpha = new float[series.Channels][];
        }
        for (int c = 0; c < series.Channels; c++)
        {
            if (_padded3[c] is null || _padded3[c].Length < padded) _padded3[c] = new float[padded];
            if (_alpha[c] is null || _alpha[c].Length < n) _alpha[c] = new float[n];
        }
        if (_scratch.Length < padded) _scratch = new float[padded];
        if (Output.Length < n) Output = new float[n];
        (_length, _dilation) = (n, dilation);

        for (int c = 0; c < series.Channels; c++)
        {
            var x = series.Channel(c);
            var p = _scratch.AsSpan(0, padded);
            p.Clear();
            x.CopyTo(p[pad..]);
            var a = _alpha[c].AsSpan(0, n);
            a.Clear();
            for (int j = 0; j < MiniRocketKernels.Length; j++) Spans.AddTo(a, p.Slice(j * dilation, n));
            for (int t = 0; t < n; t++) a[t] = -a[t];
            var p3 = _padded3[c].AsSpan(0, padded);
            for (int t = 0; t < padded; t++) p3[t] = 3 * p[t];
        }
    }

    /// <summary>PPV of each bias lane (count above ÷ length).</summary>
    public Span<float> Shares(int lanes)
    {
        if (_shares.Length < lanes) _shares = new float[lanes];
        return _shares.AsSpan(0, lanes);
    }

    /// <summary>The output of kernel <paramref name="kernel"/> over the channels <paramref name="channels"/> (summed) into <see cref="Output"/>.</summary>
    public Span<float> Convolve(int kernel, int[] channels)
    {
        var (i0, i1, i2) = MiniRocketKernels.Placements[kernel];
        int n = _length, d = _dilation;
        var output = Output.AsSpan(0, n);
        for (int s = 0; s < channels.Length; s++)
        {
            int c = channels[s];
            var p3 = _padded3[c];
            var a = _alpha[c].AsSpan(0, n);
            if (s == 0) Spans.Sum4(output, a, p3.AsSpan(i0 * d, n), p3.AsSpan(i1 * d, n), p3.AsSpan(i2 * d, n));
            else Spans.AddSum4(output, a, p3.AsSpan(i0 * d, n), p3.AsSpan(i1 * d, n), p3.AsSpan(i2 * d, n));
        }
        return output;
    }
}
