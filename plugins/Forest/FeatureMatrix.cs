using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Forest;

/// <summary>
/// A training set laid out feature-major, so the values of one feature over all samples are one contiguous span
/// (<c>Values[f·Samples + i]</c>), checked complete and labelled; <see cref="FeatureRanks"/> are computed from it.
/// </summary>
public sealed class FeatureMatrix
{
    FeatureMatrix(float[] values, int samples, int features, int[] labels)
    {
        Values = values;
        Samples = samples;
        Features = features;
        Labels = labels;
    }

    public float[] Values { get; }
    public int Samples { get; }
    public int Features { get; }
    public int[] Labels { get; }

    public ReadOnlySpan<float> Feature(int feature) => Values.AsSpan(feature * Samples, Samples);

    /// <summary>Transposes a dataset of the given layout; every series needs a label and no missing values.</summary>
    public static FeatureMatrix From(TimeSeriesDataset data, FeatureLayout layout, string step)
    {
        int n = data.Count, features = layout.Count;
        var values = new float[(long)n * features <= Array.MaxLength ? n * features : throw new InvalidDataException(
            $"{step}: {n} series × {features} features is too large for one matrix")];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            var s = data.Samples[i];
            if (s.Label < 0) throw new InvalidDataException($"{step}: training series '{s.Id}' has no label");
            labels[i] = s.Label;
            var row = s.Values;
            for (int f = 0; f < features; f++)
            {
                float v = row[f];
                if (!float.IsFinite(v))
                    throw new InvalidDataException(
                        $"{step}: series '{s.Id}' has a missing or infinite value ({v}) at {layout.NameOf(f)}; tree models need complete data");
                values[f * n + i] = v;
            }
        }
        return new FeatureMatrix(values, n, features, labels);
    }
}
