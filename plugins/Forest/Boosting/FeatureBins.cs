namespace LstmFcn.Plugins.Forest.Boosting;

/// <summary>
/// Per feature, up to <c>max_bins</c> − 1 ascending thresholds that cut its training values into bins: every distinct
/// value its own bin when there are few, else quantiles. A value v falls in bin b when thresholds[b−1] &lt; v ≤
/// thresholds[b], so a split "bin ≤ b" on binned data is the split "v ≤ thresholds[b]" on raw values.
/// </summary>
public sealed class FeatureBins
{
    FeatureBins(float[][] thresholds) => Thresholds = thresholds;

    public float[][] Thresholds { get; }

    public int BinCount(int feature) => Thresholds[feature].Length + 1;

    public static FeatureBins Fit(FeatureMatrix matrix, int maxBins)
    {
        var thresholds = new float[matrix.Features][];
        var sorted = new float[matrix.Samples];
        for (int f = 0; f < matrix.Features; f++)
        {
            matrix.Feature(f).CopyTo(sorted);
            Array.Sort(sorted);
            thresholds[f] = ThresholdsOf(sorted, maxBins);
        }
        return new FeatureBins(thresholds);
    }

    static float[] ThresholdsOf(float[] sorted, int maxBins)
    {
        int distinct = 1;
        for (int i = 1; i < sorted.Length; i++) if (sorted[i] != sorted[i - 1]) distinct++;
        var cuts = new List<float>(Math.Min(distinct, maxBins));
        if (distinct <= maxBins)
        {
            for (int i = 1; i < sorted.Length; i++)
                if (sorted[i] != sorted[i - 1]) cuts.Add(Between(sorted[i - 1], sorted[i]));
        }
        else
        {
            // Quantiles q/maxBins, each the midpoint of its two neighbouring order statistics (numpy's 'midpoint').
            for (int q = 1; q < maxBins; q++)
            {
                double position = q * (sorted.Length - 1) / (double)maxBins;
                int below = (int)Math.Floor(position), above = (int)Math.Ceiling(position);
                float cut = (float)((sorted[below] + (double)sorted[above]) / 2);
                if (cuts.Count == 0 || cut > cuts[^1]) cuts.Add(cut);
            }
            // A cut at the maximum would leave an empty last bin.
            if (cuts.Count > 0 && cuts[^1] >= sorted[^1]) cuts.RemoveAt(cuts.Count - 1);
        }
        return cuts.ToArray();
    }

    /// <summary>A threshold that keeps <paramref name="low"/> below (or at) and <paramref name="high"/> above.</summary>
    static float Between(float low, float high)
    {
        float mid = (float)((low + (double)high) / 2);
        return mid < high ? mid : low;
    }

    /// <summary>The bin of every value, feature-major like the matrix (<c>bins[f·n + i]</c>).</summary>
    public byte[] Bin(FeatureMatrix matrix)
    {
        int n = matrix.Samples;
        var bins = new byte[matrix.Values.Length];
        for (int f = 0; f < matrix.Features; f++)
        {
            var cuts = Thresholds[f];
            var values = matrix.Feature(f);
            var target = bins.AsSpan(f * n, n);
            for (int i = 0; i < n; i++) target[i] = (byte)BinOf(cuts, values[i]);
        }
        return bins;
    }

    /// <summary>The first threshold at or above <paramref name="value"/> (binary search).</summary>
    static int BinOf(float[] cuts, float value)
    {
        int lo = 0, hi = cuts.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (cuts[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
