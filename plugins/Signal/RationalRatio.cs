namespace LstmFcn.Plugins.Signal;

/// <summary>A resampling ratio as up/down integers in lowest terms (300 Hz → 100 Hz is 1/3).</summary>
public readonly record struct RationalRatio(int Up, int Down)
{
    /// <summary>
    /// The closest fraction with numerator and denominator at most <paramref name="maxTerm"/> (continued fractions);
    /// null when none matches <paramref name="ratio"/> to a relative 1e-9, i.e. the ratio is not a simple fraction.
    /// </summary>
    public static RationalRatio? Approximate(double ratio, int maxTerm)
    {
        if (!(ratio > 0) || double.IsInfinity(ratio)) return null;
        // Convergents h/k of the continued fraction of ratio.
        long h0 = 0, h1 = 1, k0 = 1, k1 = 0;
        double x = ratio;
        for (int i = 0; i < 64; i++)
        {
            long a = (long)Math.Floor(x);
            long h2 = a * h1 + h0, k2 = a * k1 + k0;
            if (h2 > maxTerm || k2 > maxTerm) break;
            (h0, h1, k0, k1) = (h1, h2, k1, k2);
            if (Math.Abs((double)h1 / k1 - ratio) <= 1e-9 * ratio) return new RationalRatio((int)h1, (int)k1);
            double frac = x - a;
            if (frac < 1e-12) break;
            x = 1 / frac;
        }
        return null;
    }

    public double Value => Up / (double)Down;
}
