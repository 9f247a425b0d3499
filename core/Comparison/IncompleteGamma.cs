namespace LstmFcn.Pipeline.Comparison;

/// <summary>The regularised incomplete gamma functions, by series below a + 1 and a continued fraction above.</summary>
public static class IncompleteGamma
{
    const int MaxIterations = 1000;
    const double Epsilon = 1e-15;
    const double Tiny = 1e-300;

    /// <summary>Q(a, x) = Γ(a, x) / Γ(a).</summary>
    public static double UpperRegularised(double a, double x)
    {
        if (a <= 0) throw new ArgumentOutOfRangeException(nameof(a), a, "positive shape expected");
        if (x <= 0) return 1;
        return x < a + 1 ? 1 - LowerSeries(a, x) : UpperContinuedFraction(a, x);
    }

    /// <summary>P(a, x) = γ(a, x) / Γ(a).</summary>
    public static double LowerRegularised(double a, double x) => 1 - UpperRegularised(a, x);

    static double Prefactor(double a, double x) => Math.Exp(-x + a * Math.Log(x) - LogGamma.Of(a));

    static double LowerSeries(double a, double x)
    {
        double term = 1 / a, sum = term;
        for (int n = 1; n < MaxIterations; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon) break;
        }
        return sum * Prefactor(a, x);
    }

    /// <summary>Legendre's continued fraction evaluated by the modified Lentz method.</summary>
    static double UpperContinuedFraction(double a, double x)
    {
        double b = x + 1 - a, c = 1 / Tiny, d = 1 / b, h = d;
        for (int i = 1; i < MaxIterations; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b; if (Math.Abs(d) < Tiny) d = Tiny;
            c = b + an / c; if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon) break;
        }
        return Prefactor(a, x) * h;
    }
}
