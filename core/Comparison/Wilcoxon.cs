namespace LstmFcn.Pipeline.Comparison;

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
