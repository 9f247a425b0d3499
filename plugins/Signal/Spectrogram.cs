using LstmFcn.Signal;

namespace LstmFcn.Plugins.Signal;

/// <summary>
/// Short-time Fourier magnitudes of a series: frames of <c>nFft</c> points every <c>hop</c> points, weighted by a
/// periodic Hann window (scipy/torch's default), |FFT| of bins 0 .. <see cref="Bins"/>−1 (unscaled), then
/// ln(|X| + ε) when <c>logarithm</c>. Frames start at 0 (no centring unless <c>center</c>: then the series is
/// reflect-padded by nFft/2 on both sides, as torch.stft(center=True)); a series shorter than one frame is
/// zero-padded to one. Frame count: 1 + ⌊(n − nFft)/hop⌋ on the (padded) length.
/// </summary>
public sealed class Spectrogram
{
    readonly RadixTwoFft _fft;
    readonly double[] _window;
    readonly int _hop;
    readonly bool _center, _logarithm;
    readonly double _epsilon;

    public Spectrogram(int nFft, int hop, int bins, bool center, bool logarithm, double epsilon)
    {
        _fft = new RadixTwoFft(nFft);
        if (hop < 1) throw new ArgumentOutOfRangeException(nameof(hop), "hop must be at least 1");
        if (bins < 1 || bins > nFft / 2 + 1) throw new ArgumentOutOfRangeException(nameof(bins), $"bins must be 1 .. {nFft / 2 + 1}");
        _window = new double[nFft];
        for (int i = 0; i < nFft; i++) _window[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / nFft);
        (_hop, Bins, _center, _logarithm, _epsilon) = (hop, bins, center, logarithm, epsilon);
    }

    public int NFft => _fft.Size;
    public int Bins { get; }

    public int Frames(int length)
    {
        int padded = _center ? length + 2 * (NFft / 2) : length;
        return padded < NFft ? 1 : 1 + (padded - NFft) / _hop;
    }

    /// <summary>Writes bin-major output: bin b of frame f at <c>b·frames + f</c>.</summary>
    public void Compute(ReadOnlySpan<float> series, Span<float> output)
    {
        int frames = Frames(series.Length), n = NFft;
        if (output.Length != Bins * frames) throw new ArgumentException($"output needs {Bins * frames} values, has {output.Length}");
        int offset = _center ? n / 2 : 0;
        var re = new double[n];
        var im = new double[n];
        for (int f = 0; f < frames; f++)
        {
            int start = f * _hop - offset;
            for (int i = 0; i < n; i++)
            {
                re[i] = Sample(series, start + i, _center) * _window[i];
                im[i] = 0;
            }
            _fft.Forward(re, im);
            for (int b = 0; b < Bins; b++)
            {
                double magnitude = Math.Sqrt(re[b] * re[b] + im[b] * im[b]);
                output[b * frames + f] = (float)(_logarithm ? Math.Log(magnitude + _epsilon) : magnitude);
            }
        }
    }

    /// <summary>x[t], reflected at the ends when centring (numpy 'reflect': the end point is not repeated), else 0 outside.</summary>
    static double Sample(ReadOnlySpan<float> x, int t, bool reflect)
    {
        int n = x.Length;
        if (t >= 0 && t < n) return x[t];
        if (!reflect || n == 1) return 0;
        int period = 2 * (n - 1);
        int m = ((t % period) + period) % period;
        return x[m < n ? m : period - m];
    }
}
