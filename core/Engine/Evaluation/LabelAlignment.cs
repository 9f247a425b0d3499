namespace LstmFcn.Pipeline.Engine.Evaluation;

/// <summary>
/// Puts data labelled by a loader onto a model's classes by name. A label the model never learned is not mapped to
/// some class by position: the series is predicted but not scored, and keeps its label in metadata
/// <see cref="UnknownLabelKey"/> for the predictions table.
/// </summary>
public static class LabelAlignment
{
    /// <summary>Metadata holding the label of a series whose label is not one of the model's classes.</summary>
    public const string UnknownLabelKey = TimeSeriesSample.UnknownLabelKey;

    public static TimeSeriesDataset ToClasses(TimeSeriesDataset data, ClassLabels classes, IRunLog log)
    {
        if (data.Classes.Names.SequenceEqual(classes.Names)) return data;
        var unknown = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var samples = new TimeSeriesSample[data.Count];
        for (int i = 0; i < samples.Length; i++)
        {
            var s = data.Samples[i];
            if (s.Label < 0) { samples[i] = new TimeSeriesSample(s.Id, s.Values, s.Channels, TimeSeriesSample.Unlabelled, s.Metadata); continue; }
            var name = data.Classes[s.Label];
            if (classes.TryGetIndex(name, out var index))
                samples[i] = new TimeSeriesSample(s.Id, s.Values, s.Channels, index, s.Metadata);
            else
            {
                unknown[name] = unknown.GetValueOrDefault(name) + 1;
                var metadata = new Dictionary<string, string>(s.Metadata) { [UnknownLabelKey] = name };
                samples[i] = new TimeSeriesSample(s.Id, s.Values, s.Channels, TimeSeriesSample.Unlabelled, metadata);
            }
        }
        if (unknown.Count > 0)
            log.Warn($"{unknown.Values.Sum()} series carry labels the model never learned " +
                     $"({string.Join(", ", unknown.Select(kv => $"'{kv.Key}' × {kv.Value}"))}; it knows {string.Join(", ", classes.Names.Select(n => $"'{n}'"))}): " +
                     "they are predicted but not scored");
        return new TimeSeriesDataset(samples, classes, data.Metadata);
    }
}
