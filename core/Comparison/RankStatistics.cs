namespace LstmFcn.Pipeline.Comparison;

/// <summary>Ranks with ties shared (the mean of the positions they occupy), as Friedman and Demšar (2006) use them.</summary>
public static class Ranking
{
    /// <summary>Rank 1 for the best value; tied values share the average of their ranks.</summary>
    public static double[] Ranks(IReadOnlyList<double> values, bool higherIsBetter)
    {
        var order = Enumerable.Range(0, values.Count)
            .OrderBy(i => higherIsBetter ? -values[i] : values[i]).ToArray();
        var ranks = new double[values.Count];
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]]) end++;
            double shared = (start + end) / 2.0 + 1;                    // positions start..end, 1-based
            for (int j = start; j <= end; j++) ranks[order[j]] = shared;
            start = end + 1;
        }
        return ranks;
    }

    public static double GeometricMean(IEnumerable<double> positive) => Math.Exp(positive.Average(Math.Log));
}

public sealed record WilcoxonResult(int Pairs, int NonZero, double RankSumPositive, double RankSumNegative, double PValue, string Method)
{
    /// <summary>The smaller of the two rank sums, the statistic textbooks tabulate.</summary>
    public double Statistic => Math.Min(RankSumPositive, RankSumNegative);
}

/// <summary>
/// Two-sided Wilcoxon signed-rank test of paired samples. Zero differences are dropped (Wilcoxon's original
/// treatment, scipy's <c>zero_method="wilcox"</c>); tied |differences| share average ranks. With at most
/// <see cref="ExactLimit"/> non-zero pairs the p-value is exact: the permutation distribution of the positive rank
/// sum over all 2^n sign patterns of these very ranks (so exact under ties too). Beyond that, the normal
/// approximation with the tie-corrected variance n(n+1)(2n+1)/24 − Σ(t³−t)/48 and no continuity correction
/// (scipy's default).
/// </summary>
public static class Wilcoxon
{
    public const int ExactLimit = 25;

    public static WilcoxonResult SignedRank(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count) throw new ArgumentException($"paired samples differ in length ({x.Count} and {y.Count})");
        var differences = x.Zip(y, (a, b) => a - b).Where(d => d != 0).ToArray();
        int n = differences.Length;
        if (n == 0) return new WilcoxonResult(x.Count, 0, 0, 0, 1.0, "no non-zero differences");
        var ranks = Ranking.Ranks(differences.Select(Math.Abs).ToArray(), higherIsBetter: false);
        double plus = 0, minus = 0;
        for (int i = 0; i < n; i++) { if (differences[i] > 0) plus += ranks[i]; else minus += ranks[i]; }

        if (n <= ExactLimit)
            return new WilcoxonResult(x.Count, n, plus, minus, ExactPValue(ranks, plus), "exact");

        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2.0 * n + 1) / 24.0;
        foreach (var tie in ranks.GroupBy(r => r).Select(g => g.Count()).Where(t => t > 1))
            variance -= (Math.Pow(tie, 3) - tie) / 48.0;
        double z = (plus - mean) / Math.Sqrt(variance);
        double p = Math.Min(1, 2 * Normal.UpperTail(Math.Abs(z)));
        return new WilcoxonResult(x.Count, n, plus, minus, p, "normal approximation");
    }

    /// <summary>2 · min(P(W+ ≤ w), P(W+ ≥ w)) over the 2^n equally likely sign patterns, capped at 1.</summary>
    static double ExactPValue(double[] ranks, double plus)
    {
        // Average ranks are multiples of 1/2: doubled they are integers, and the distribution a subset-sum count.
        var doubled = ranks.Select(r => (int)Math.Round(2 * r)).ToArray();
        int total = doubled.Sum();
        var ways = new double[total + 1];
        ways[0] = 1;
        int reach = 0;
        foreach (var r in doubled)
        {
            for (int s = reach; s >= 0; s--) if (ways[s] != 0) ways[s + r] += ways[s];
            reach += r;
        }
        int observed = (int)Math.Round(2 * plus);
        double all = Math.Pow(2, ranks.Length), lower = 0, upper = 0;
        for (int s = 0; s <= total; s++)
        {
            if (s <= observed) lower += ways[s];
            if (s >= observed) upper += ways[s];
        }
        return Math.Min(1, 2 * Math.Min(lower, upper) / all);
    }
}

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
