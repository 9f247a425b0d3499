namespace LstmFcn.Pipeline;

/// <summary>
/// A collection of series that share a channel count and a class set. Lengths may differ (unequal-length sets);
/// <see cref="IsEqualLength"/> tells whether fixed-length models can take it as is.
/// </summary>
public sealed class TimeSeriesDataset
{
    public TimeSeriesDataset(IReadOnlyList<TimeSeriesSample> samples, ClassLabels classes,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        Samples = samples;
        Classes = classes;
        Metadata = metadata ?? new Dictionary<string, string>();
        Channels = samples.Count == 0 ? 0 : samples[0].Channels;
        int min = int.MaxValue, max = 0;
        foreach (var s in samples)
        {
            if (s.Channels != Channels)
                throw new ArgumentException($"sample '{s.Id}' has {s.Channels} channels, others have {Channels}");
            if (s.Label >= classes.Count || s.Label < TimeSeriesSample.Unlabelled)
                throw new ArgumentException($"sample '{s.Id}' has label index {s.Label} outside the {classes.Count} classes");
            min = Math.Min(min, s.Length);
            max = Math.Max(max, s.Length);
        }
        MinLength = samples.Count == 0 ? 0 : min;
        MaxLength = max;
    }

    public IReadOnlyList<TimeSeriesSample> Samples { get; }
    public ClassLabels Classes { get; }
    public IReadOnlyDictionary<string, string> Metadata { get; }
    public int Count => Samples.Count;
    public int Channels { get; }
    public int MinLength { get; }
    public int MaxLength { get; }
    public bool IsEqualLength => MinLength == MaxLength;

    /// <summary>Same class set and metadata, other samples (the result of a preprocessing step).</summary>
    public TimeSeriesDataset WithSamples(IReadOnlyList<TimeSeriesSample> samples) => new(samples, Classes, Metadata);

    /// <summary>
    /// Channel names from the <c>channels</c> metadata (comma-separated, as loaders and feature steps write it), when
    /// they are one non-empty name per channel; otherwise null.
    /// </summary>
    public IReadOnlyList<string>? ChannelNames() => NamesIn("channels", Channels);

    /// <summary>Names of the time steps (or features) from the <c>times</c> metadata, when they fit <see cref="MaxLength"/>; else null.</summary>
    public IReadOnlyList<string>? TimeNames() => NamesIn("times", MaxLength);

    IReadOnlyList<string>? NamesIn(string key, int count)
    {
        if (!Metadata.TryGetValue(key, out var text)) return null;
        var names = text.Split(',');
        return names.Length == count && names.All(n => n.Length > 0) ? names : null;
    }

    public int[] Labels()
    {
        var labels = new int[Samples.Count];
        for (int i = 0; i < labels.Length; i++) labels[i] = Samples[i].Label;
        return labels;
    }

    /// <summary>Number of samples per class index.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[Classes.Count];
        foreach (var s in Samples)
            if (s.Label >= 0) counts[s.Label]++;
        return counts;
    }
}
