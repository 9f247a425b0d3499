using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Forest;

/// <summary>
/// What a tree model's features are: every value of a series, channel by channel (feature c·length + t is channel c at
/// time t, the order of <see cref="TimeSeriesSample.Values"/>). Fixed by the training set; data to predict must match.
/// </summary>
public sealed record FeatureLayout(int Channels, int Length, IReadOnlyList<string> ChannelNames, IReadOnlyList<string> TimeNames)
{
    public int Count => Channels * Length;

    /// <summary>"NDVI/t05"-style name of feature <paramref name="feature"/>.</summary>
    public string NameOf(int feature) => $"{ChannelNames[feature / Length]}/{TimeNames[feature % Length]}";

    /// <summary>
    /// The layout of a training set. Channel and time names come from the dataset's <c>channels</c> and <c>times</c>
    /// metadata (comma-separated, as the sample-table loader writes them) when they fit, else <c>ch0…</c>, <c>t0…</c>.
    /// </summary>
    public static FeatureLayout Of(TimeSeriesDataset train, string step)
    {
        if (train.Count == 0) throw new InvalidDataException($"{step}: the training set is empty");
        RequireEqualLength(train, step, "training");
        int channels = train.Channels, length = train.MaxLength;
        return new FeatureLayout(channels, length,
            train.ChannelNames() ?? Enumerable.Range(0, channels).Select(c => $"ch{c}").ToList(),
            train.TimeNames() ?? Enumerable.Range(0, length).Select(t => $"t{t}").ToList());
    }

    /// <summary>The feature rows of data to predict (each series' values), after <see cref="Check"/>.</summary>
    public float[][] Rows(TimeSeriesDataset data, string step)
    {
        Check(data, step);
        var rows = new float[data.Count][];
        for (int i = 0; i < rows.Length; i++) rows[i] = data.Samples[i].Values;
        return rows;
    }

    /// <summary>Data to predict must have the training shape; says which series does not.</summary>
    public void Check(TimeSeriesDataset data, string step)
    {
        foreach (var s in data.Samples)
            if (s.Channels != Channels || s.Length != Length)
                throw new InvalidDataException(
                    $"{step}: series '{s.Id}' has {s.Channels} channel(s) × {s.Length} values; the model was trained on " +
                    $"{Channels} × {Length} (its features are the values of each time step of each channel, so every series " +
                    "needs the training shape; add a fixed-length preprocessing step)");
            else if (!AllFinite(s.Values, out int at))
                throw new InvalidDataException(
                    $"{step}: series '{s.Id}' has a missing or infinite value ({s.Values[at]}) at {NameOf(at)}; tree models need complete data");
    }

    static bool AllFinite(float[] values, out int firstBad)
    {
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i])) { firstBad = i; return false; }
        firstBad = -1;
        return true;
    }

    static void RequireEqualLength(TimeSeriesDataset data, string step, string what)
    {
        if (data.IsEqualLength) return;
        var shortest = data.Samples.First(s => s.Length == data.MinLength);
        var longest = data.Samples.First(s => s.Length == data.MaxLength);
        throw new InvalidDataException(
            $"{step}: the {what} series have unequal lengths ({data.MinLength}..{data.MaxLength}: '{shortest.Id}' has " +
            $"{shortest.Length} values, '{longest.Id}' has {longest.Length}); a tree model takes every value of a series " +
            "as a feature, so all series need the same length. Add a preprocessing step such as {plugin: fixed-length}");
    }
}
