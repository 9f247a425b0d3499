namespace LstmFcn.Pipeline.Comparison;

/// <summary>Standard normal tail probabilities.</summary>
public static class Normal
{
    /// <summary>P(Z &gt; z), via the complementary error function.</summary>
    public static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>
    /// erfc by its Chebyshev-fitted form (Numerical Recipes' erfcc, relative error below 1.2e-7 everywhere), enough
    /// for p-values printed to four digits.
    /// </summary>
    public static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
            t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
