using LstmFcn.Pipeline;

namespace LstmFcn.Rocket;

/// <summary>The bias quantiles: the low-discrepancy sequence (k·φ) mod 1, k = 1, 2, …, and linear-interpolation quantiles.</summary>
public static class Quantiles
{
    static readonly double GoldenRatio = (Math.Sqrt(5) + 1) / 2;

    public static double[] LowDiscrepancy(int count)
    {
        var q = new double[count];
        for (int k = 1; k <= count; k++) q[k - 1] = k * GoldenRatio % 1;
        return q;
    }

    /// <summary>The <paramref name="q"/>-quantile of ascending <paramref name="sorted"/> values, interpolated linearly between order statistics.</summary>
    public static float Of(ReadOnlySpan<float> sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        if (low >= sorted.Length - 1) return sorted[^1];
        double fraction = position - low;
        return (float)(sorted[low] + fraction * (sorted[low + 1] - sorted[low]));
    }
}
