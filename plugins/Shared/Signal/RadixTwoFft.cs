namespace LstmFcn.Signal;

/// <summary>
/// (Compiled into the plugins that set UsesSharedSignal: Signal, Ecg, Spectra.) In-place iterative radix-2 complex FFT (forward, no scaling) of one power-of-two size, with its twiddle factors and
/// bit-reversal table computed once. Instances are immutable and can be shared between threads.
/// </summary>
public sealed class RadixTwoFft
{
    readonly double[] _cos, _sin;
    readonly int[] _reversed;

    public RadixTwoFft(int size)
    {
        if (size < 1 || (size & (size - 1)) != 0) throw new ArgumentException($"FFT size {size} is not a power of two");
        Size = size;
        _cos = new double[size / 2];
        _sin = new double[size / 2];
        for (int k = 0; k < size / 2; k++)
        {
            _cos[k] = Math.Cos(2 * Math.PI * k / size);
            _sin[k] = -Math.Sin(2 * Math.PI * k / size);
        }
        _reversed = new int[size];
        int bits = System.Numerics.BitOperations.Log2((uint)size);
        for (int i = 0; i < size; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
            _reversed[i] = r;
        }
    }

    public int Size { get; }

    /// <summary>X[k] = Σ x[n]·e^(−2πi·kn/N), in place on separate real and imaginary parts.</summary>
    public void Forward(Span<double> re, Span<double> im)
    {
        int n = Size;
        for (int i = 0; i < n; i++)
        {
            int j = _reversed[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }
        for (int length = 2; length <= n; length <<= 1)
        {
            int half = length / 2, stride = n / length;
            for (int start = 0; start < n; start += length)
                for (int k = 0; k < half; k++)
                {
                    double wr = _cos[k * stride], wi = _sin[k * stride];
                    int a = start + k, b = a + half;
                    double tr = re[b] * wr - im[b] * wi, ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
        }
    }
}
