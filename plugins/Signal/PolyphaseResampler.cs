namespace LstmFcn.Plugins.Signal;

/// <summary>
/// Rational resampling by up/down with a Kaiser-windowed sinc low-pass, the method of scipy.signal.resample_poly:
/// conceptually upsample by <c>up</c> (zeros between samples), low-pass at 1/max(up, down) of the new Nyquist
/// frequency — which removes what would alias when downsampling — and keep every <c>down</c>-th sample. The filter
/// has 2·10·max(up, down)+1 taps, gain <c>up</c>, and is centred so output sample m lies at input time m·down/up;
/// the signal is taken as zero outside its ends. Output length is ⌈n·up/down⌉.
/// Only the taps that meet non-zero input are evaluated (polyphase), about 20·max(up, down)/up per output sample.
/// </summary>
public sealed class PolyphaseResampler
{
    /// <summary>Zero crossings of the sinc kept on each side, per unit of max(up, down) (scipy's choice).</summary>
    const int HalfLengthPerRate = 10;

    readonly double[] _taps;
    readonly int _half;

    public PolyphaseResampler(RationalRatio ratio, double kaiserBeta)
    {
        Ratio = ratio;
        int maxRate = Math.Max(ratio.Up, ratio.Down);
        _half = HalfLengthPerRate * maxRate;
        _taps = LowPass(2 * _half + 1, 1.0 / maxRate, kaiserBeta);
        for (int i = 0; i < _taps.Length; i++) _taps[i] *= ratio.Up;
    }

    public RationalRatio Ratio { get; }

    public int OutputLength(int inputLength) => (int)(((long)inputLength * Ratio.Up + Ratio.Down - 1) / Ratio.Down);

    public void Apply(ReadOnlySpan<float> input, Span<float> output)
    {
        int up = Ratio.Up, down = Ratio.Down, n = input.Length;
        if (output.Length != OutputLength(n))
            throw new ArgumentException($"output has {output.Length} points, resampling {n} points by {up}/{down} gives {OutputLength(n)}");
        var taps = _taps.AsSpan();
        for (int m = 0; m < output.Length; m++)
        {
            // y[m] = Σ_k x[k]·h(m·down − k·up), h centred at _half and zero beyond ±_half.
            long t = (long)m * down;
            int kFirst = (int)Math.Max(0, CeilDiv(t - _half, up));
            int kLast = (int)Math.Min(n - 1, FloorDiv(t + _half, up));
            double sum = 0;
            int tap = (int)(t - (long)kFirst * up + _half);
            for (int k = kFirst; k <= kLast; k++, tap -= up) sum += input[k] * taps[tap];
            output[m] = (float)sum;
        }
    }

    /// <summary>scipy.signal.firwin(numtaps, cutoff, window=('kaiser', β)): windowed sinc scaled to unit DC gain.</summary>
    static double[] LowPass(int numTaps, double cutoff, double beta)
    {
        var window = KaiserWindow.Symmetric(numTaps, beta);
        var h = new double[numTaps];
        double alpha = 0.5 * (numTaps - 1), sum = 0;
        for (int i = 0; i < numTaps; i++)
        {
            double m = i - alpha;
            h[i] = cutoff * Sinc(cutoff * m) * window[i];
            sum += h[i];
        }
        for (int i = 0; i < numTaps; i++) h[i] /= sum;
        return h;
    }

    static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
    static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
    static long CeilDiv(long a, long b) => -FloorDiv(-a, b);
}
