namespace LstmFcn.Pipeline.Comparison;

/// <summary>Upper-tail probabilities of the χ² distribution.</summary>
public static class ChiSquared
{
    /// <summary>P(X &gt; x) for X ~ χ²(df): the regularised upper incomplete gamma Q(df/2, x/2).</summary>
    public static double UpperTail(double x, int degreesOfFreedom)
    {
        if (degreesOfFreedom < 1) throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "at least 1");
        return x <= 0 ? 1 : IncompleteGamma.UpperRegularised(degreesOfFreedom / 2.0, x / 2);
    }
}

/// <summary>Upper-tail probabilities of Fisher's F distribution.</summary>
public static class FisherF
{
    /// <summary>P(X &gt; f) for X ~ F(d1, d2): the regularised incomplete beta I_{d2/(d2 + d1 f)}(d2/2, d1/2).</summary>
    public static double UpperTail(double f, int numerator, int denominator)
    {
        if (numerator < 1 || denominator < 1) throw new ArgumentOutOfRangeException(nameof(numerator), $"F({numerator}, {denominator}): degrees of freedom must be at least 1");
        return f <= 0 ? 1 : IncompleteBeta.Regularised(denominator / (denominator + numerator * f), denominator / 2.0, numerator / 2.0);
    }
}

/// <summary>ln Γ(x) for x &gt; 0 by the Lanczos approximation (g = 7, 9 terms; relative error about 1e-15).</summary>
public static class LogGamma
{
    static readonly double[] Coefficients =
    {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    };

    public static double Of(double x)
    {
        if (x <= 0) throw new ArgumentOutOfRangeException(nameof(x), x, "ln Γ is taken of positive arguments only");
        if (x < 0.5) return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - Of(1 - x);     // reflection keeps accuracy near 0
        x -= 1;
        double sum = Coefficients[0];
        for (int i = 1; i < Coefficients.Length; i++) sum += Coefficients[i] / (x + i);
        double t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}

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
