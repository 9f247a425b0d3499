namespace LstmFcn.Plugins.Ecg.Features;

/// <summary>Small descriptive statistics over spans; the order statistics sort a copy.</summary>
static class Statistics
{
    public static double Mean(ReadOnlySpan<double> x)
    {
        if (x.Length == 0) return 0;
        double sum = 0;
        foreach (var v in x) sum += v;
        return sum / x.Length;
    }

    /// <summary>Population standard deviation (0 for fewer than two values).</summary>
    public static double Deviation(ReadOnlySpan<double> x)
    {
        if (x.Length < 2) return 0;
        double mean = Mean(x), sum = 0;
        foreach (var v in x) sum += (v - mean) * (v - mean);
        return Math.Sqrt(sum / x.Length);
    }

    public static double Median(ReadOnlySpan<double> x) => Quantile(x, 0.5);

    /// <summary>Linear-interpolation quantile (numpy's default); 0 for no values.</summary>
    public static double Quantile(ReadOnlySpan<double> x, double q)
    {
        if (x.Length == 0) return 0;
        var sorted = x.ToArray();
        Array.Sort(sorted);
        return SortedQuantile(sorted, q);
    }

    public static double SortedQuantile(ReadOnlySpan<double> sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(sorted.Length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    /// <summary>Median absolute deviation from the median (unscaled).</summary>
    public static double MedianAbsoluteDeviation(ReadOnlySpan<double> x)
    {
        if (x.Length == 0) return 0;
        double median = Median(x);
        var deviations = new double[x.Length];
        for (int i = 0; i < x.Length; i++) deviations[i] = Math.Abs(x[i] - median);
        return Median(deviations);
    }

    /// <summary>Pearson correlation; 0 when either side is constant.</summary>
    public static double Correlation(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double ma = Mean(a), mb = Mean(b), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa > 0 && sbb > 0 ? sab / Math.Sqrt(saa * sbb) : 0;
    }

    /// <summary>
    /// Sample entropy −ln(A/B) of <paramref name="x"/> for template length <paramref name="m"/> and tolerance
    /// <paramref name="r"/> (Chebyshev distance, self-matches excluded). With no m+1 match the bound
    /// −ln(1/B) is used (B at least 1) so the value stays finite and large for irregular series.
    /// </summary>
    public static double SampleEntropy(ReadOnlySpan<double> x, int m, double r)
    {
        int n = x.Length;
        if (n <= m + 1) return 0;
        long a = 0, b = 0;
        for (int i = 0; i < n - m; i++)
            for (int j = i + 1; j < n - m; j++)
            {
                bool match = true;
                for (int k = 0; k < m && match; k++) match = Math.Abs(x[i + k] - x[j + k]) <= r;
                if (!match) continue;
                b++;
                if (Math.Abs(x[i + m] - x[j + m]) <= r) a++;
            }
        b = Math.Max(1, b);
        return -Math.Log(Math.Max(1, a) / (double)b);
    }
}
