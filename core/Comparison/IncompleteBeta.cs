namespace LstmFcn.Pipeline.Comparison;

/// <summary>The regularised incomplete beta function I_x(a, b) by its continued fraction (modified Lentz).</summary>
public static class IncompleteBeta
{
    const int MaxIterations = 1000;
    const double Epsilon = 1e-15;
    const double Tiny = 1e-300;

    public static double Regularised(double x, double a, double b)
    {
        if (a <= 0 || b <= 0) throw new ArgumentOutOfRangeException(nameof(a), $"I_x({a}, {b}): positive parameters expected");
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double front = Math.Exp(LogGamma.Of(a + b) - LogGamma.Of(a) - LogGamma.Of(b) + a * Math.Log(x) + b * Math.Log(1 - x));
        // The fraction converges fast for x below the mean a/(a+b); above it, use I_x(a, b) = 1 − I_{1−x}(b, a).
        return x < (a + 1) / (a + b + 2)
            ? front * ContinuedFraction(x, a, b) / a
            : 1 - front * ContinuedFraction(1 - x, b, a) / b;
    }

    static double ContinuedFraction(double x, double a, double b)
    {
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        if (Math.Abs(d) < Tiny) d = Tiny;
        d = 1 / d;
        double h = d;
        for (int m = 1; m < MaxIterations; m++)
        {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + even * d; if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1 + even / c; if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            h *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + odd * d; if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1 + odd / c; if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon) break;
        }
        return h;
    }
}
