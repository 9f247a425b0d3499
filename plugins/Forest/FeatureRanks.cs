namespace LstmFcn.Plugins.Forest;

/// <summary>
/// Every training value replaced by its rank among the distinct values of its feature (feature-major, like
/// <see cref="FeatureMatrix"/>), computed once per fit and shared by all trees. Split search sorts small integer ranks
/// (a radix sort of one or two passes) instead of floats, and finds thresholds back from the value range of each rank.
/// Values within 1e-7 of the next smaller value share its rank, as scikit-learn treats them as equal (FEATURE_THRESHOLD).
/// </summary>
public sealed class FeatureRanks
{
    /// <summary>Values closer than this to the next smaller value are not a place to split.</summary>
    public const float Tolerance = 1e-7f;

    readonly int[] _offsets;      // per feature, where its ranks' value ranges start in _lowest/_highest
    readonly float[] _lowest;     // smallest value of each rank
    readonly float[] _highest;    // largest value of each rank

    FeatureRanks(int[] ranks, int[] counts, int[] offsets, float[] lowest, float[] highest, int samples)
    {
        Ranks = ranks;
        RankCounts = counts;
        _offsets = offsets;
        _lowest = lowest;
        _highest = highest;
        Samples = samples;
    }

    /// <summary>Rank of sample i's value of feature f at <c>f·Samples + i</c>.</summary>
    public int[] Ranks { get; }
    /// <summary>Number of distinct ranks of each feature.</summary>
    public int[] RankCounts { get; }
    public int Samples { get; }
    public int Features => RankCounts.Length;

    /// <summary>
    /// The midpoint between the largest value of rank <paramref name="below"/> and the smallest of rank
    /// <paramref name="above"/> (scikit-learn's threshold between neighbouring values of a node): values of ranks up to
    /// <paramref name="below"/> are at most the threshold, those from <paramref name="above"/> on exceed it.
    /// </summary>
    public float ThresholdBetween(int feature, int below, int above)
    {
        float low = _highest[_offsets[feature] + below], high = _lowest[_offsets[feature] + above];
        float mid = (float)(low / 2.0 + high / 2.0);
        return mid >= high || float.IsInfinity(mid) ? low : mid;
    }

    public static FeatureRanks Of(FeatureMatrix data)
    {
        int n = data.Samples, features = data.Features;
        var ranks = new int[data.Values.Length];
        var counts = new int[features];
        var offsets = new int[features];
        var lowest = new List<float>(features * 16);
        var highest = new List<float>(features * 16);
        var order = new int[n];
        var keys = new float[n];
        for (int f = 0; f < features; f++)
        {
            data.Feature(f).CopyTo(keys);
            for (int i = 0; i < n; i++) order[i] = i;
            Array.Sort(keys, order);
            offsets[f] = lowest.Count;
            int rank = -1;
            for (int i = 0; i < n; i++)
            {
                if (rank < 0 || keys[i] > keys[i - 1] + Tolerance)
                {
                    rank++;
                    lowest.Add(keys[i]);
                    highest.Add(keys[i]);
                }
                else highest[^1] = keys[i];
                ranks[f * n + order[i]] = rank;
            }
            counts[f] = rank + 1;
        }
        return new FeatureRanks(ranks, counts, offsets, lowest.ToArray(), highest.ToArray(), n);
    }
}
