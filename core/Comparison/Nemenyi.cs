namespace LstmFcn.Pipeline.Comparison;

/// <summary>Nemenyi post-hoc test after Friedman: the critical difference of mean ranks (Demšar 2006, Table 5a).</summary>
public static class Nemenyi
{
    /// <summary>q_0.05 for k = 2..10 models: the Studentized range statistic divided by √2.</summary>
    static readonly double[] Q05 = { 1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164 };

    public const int MaxModels = 10;

    /// <summary>CD = q_α √(k(k+1)/(6N)) for k models over N datasets at α = 0.05; null beyond the table (k &gt; 10).</summary>
    public static double? CriticalDifference(int models, int datasets)
    {
        if (models < 2 || datasets < 1 || models > MaxModels) return null;
        return Q05[models - 2] * Math.Sqrt(models * (models + 1) / (6.0 * datasets));
    }
}
