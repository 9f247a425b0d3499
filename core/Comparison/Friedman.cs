namespace LstmFcn.Pipeline.Comparison;

public static class Friedman
{
    /// <summary>
    /// χ²_F = 12N / (k(k+1)) · (Σ R_j² − k(k+1)²/4) from the models' mean ranks R_j (ties already averaged, no tie
    /// correction, as Demšar), χ² with k − 1 degrees of freedom; F_F = (N−1)χ²_F / (N(k−1) − χ²_F) with k − 1 and
    /// (k−1)(N−1). Null with fewer than 2 models or 2 datasets.
    /// </summary>
    public static FriedmanResult? Test(IReadOnlyList<double> meanRanks, int datasets)
    {
        int k = meanRanks.Count;
        if (k < 2 || datasets < 2 || meanRanks.Any(double.IsNaN)) return null;
        double sumSquares = meanRanks.Sum(r => r * r);
        double chi = 12.0 * datasets / (k * (k + 1.0)) * (sumSquares - k * (k + 1.0) * (k + 1.0) / 4);
        chi = Math.Max(0, chi);                                     // rounding below zero when every rank is equal
        double chiP = ChiSquared.UpperTail(chi, k - 1);
        double denominator = datasets * (k - 1.0) - chi;
        // All N datasets rank the models identically: χ² reaches its maximum N(k−1) and F is infinite.
        double f = denominator <= 0 ? double.PositiveInfinity : (datasets - 1.0) * chi / denominator;
        double fP = double.IsPositiveInfinity(f) ? 0 : FisherF.UpperTail(f, k - 1, (k - 1) * (datasets - 1));
        return new FriedmanResult(k, datasets, chi, chiP, f, fP);
    }
}
