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
