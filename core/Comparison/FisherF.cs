namespace LstmFcn.Pipeline.Comparison;

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
