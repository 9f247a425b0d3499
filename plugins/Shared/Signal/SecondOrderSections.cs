namespace LstmFcn.Signal;

/// <summary>
/// (Compiled into the plugins that set UsesSharedSignal: Signal, Ecg, Spectra.) A digital IIR filter as a cascade of second-order sections (b0 b1 b2 1 a1 a2 each, transposed direct form II),
/// the numerically safe form for narrow or very low cut-offs. Runs forward-backward for zero phase the way
/// scipy.signal.sosfiltfilt does: odd extension of 3·(2·sections + 1) points at both ends (fewer for first-order
/// sections, at most n − 1), each pass started from the filter's steady state for the first value it sees.
/// </summary>
public sealed class SecondOrderSections
{
    readonly double[] _c; // 6 coefficients per section: b0 b1 b2 a0 a1 a2, a0 = 1

    public SecondOrderSections(double[] coefficients)
    {
        if (coefficients.Length == 0 || coefficients.Length % 6 != 0)
            throw new ArgumentException("second-order sections need 6 coefficients each");
        for (int s = 0; s < coefficients.Length; s += 6)
            if (coefficients[s + 3] != 1) throw new ArgumentException("second-order sections must be normalised to a0 = 1");
        _c = coefficients;
    }

    public int Count => _c.Length / 6;
    public ReadOnlySpan<double> Coefficients => _c;

    /// <summary>scipy's padlen for sosfiltfilt: 3 × (2·sections + 1 − sections that are first order in both b and a).</summary>
    public int PadLength
    {
        get
        {
            int zeroB2 = 0, zeroA2 = 0;
            for (int s = 0; s < Count; s++)
            {
                if (_c[6 * s + 2] == 0) zeroB2++;
                if (_c[6 * s + 5] == 0) zeroA2++;
            }
            return 3 * (2 * Count + 1 - Math.Min(zeroB2, zeroA2));
        }
    }

    /// <summary>Zero-phase filtering (forward, then backward) of <paramref name="input"/> into <paramref name="output"/>.</summary>
    public void FilterForwardBackward(ReadOnlySpan<float> input, Span<float> output)
    {
        int n = input.Length;
        if (output.Length != n) throw new ArgumentException("input and output lengths differ");
        if (n == 0) return;
        int pad = Math.Min(PadLength, n - 1);
        var ext = new double[n + 2 * pad];
        // Odd extension about the end points keeps the value and slope there, so start-up transients are small.
        double first = input[0], last = input[n - 1];
        for (int i = 0; i < pad; i++)
        {
            ext[i] = 2 * first - input[pad - i];
            ext[pad + n + i] = 2 * last - input[n - 2 - i];
        }
        for (int i = 0; i < n; i++) ext[pad + i] = input[i];

        var state = new double[2 * Count];
        Filter(ext, state);
        Array.Reverse(ext);
        Filter(ext, state);
        Array.Reverse(ext);
        for (int i = 0; i < n; i++) output[i] = (float)ext[pad + i];
    }

    /// <summary>One pass in place, starting from the steady state for a constant input equal to the first value.</summary>
    void Filter(double[] x, double[] state)
    {
        SteadyState(x[0], state);
        for (int s = 0; s < Count; s++)
        {
            double b0 = _c[6 * s], b1 = _c[6 * s + 1], b2 = _c[6 * s + 2], a1 = _c[6 * s + 4], a2 = _c[6 * s + 5];
            double z0 = state[2 * s], z1 = state[2 * s + 1];
            for (int i = 0; i < x.Length; i++)
            {
                double xi = x[i];
                double y = b0 * xi + z0;
                z0 = b1 * xi - a1 * y + z1;
                z1 = b2 * xi - a2 * y;
                x[i] = y;
            }
        }
    }

    /// <summary>
    /// The section states of the cascade after a constant input <paramref name="level"/> forever (scipy's
    /// sosfilt_zi × level): a section with DC gain g = Σb/Σa outputs g·input, which needs z1 = b2·u − a2·g·u and
    /// z0 = b1·u − a1·g·u + z1 for its input u; the next section sees g·u.
    /// </summary>
    void SteadyState(double level, double[] state)
    {
        double u = level;
        for (int s = 0; s < Count; s++)
        {
            double b0 = _c[6 * s], b1 = _c[6 * s + 1], b2 = _c[6 * s + 2], a1 = _c[6 * s + 4], a2 = _c[6 * s + 5];
            double g = (b0 + b1 + b2) / (1 + a1 + a2);
            double z1 = (b2 - a2 * g) * u;
            state[2 * s + 1] = z1;
            state[2 * s] = (b1 - a1 * g) * u + z1;
            u *= g;
        }
    }
}
