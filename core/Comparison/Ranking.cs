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
