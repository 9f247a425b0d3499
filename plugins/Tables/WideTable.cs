using System.Text.RegularExpressions;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Tables;

/// <summary>
/// A dataset as a wide table, the layout <see cref="WideTableLayout"/> reads back: <c>id</c>, <c>label</c>, one column
/// per channel and time step named <c>{channel}_{time}</c> (channel-major, the order of the values), then the
/// metadata every sample has. Channel and time names come from the dataset's <c>channels</c>/<c>times</c> metadata
/// when they fit (ecg-features: <c>ecg_rr_cv</c>), or from the samples' own <c>times</c> when every sample has the same
/// (a long table of one season: <c>NDVI_2013-09-14</c>), else <c>ch0…</c>, <c>t0…</c>; samples' differing times stay a
/// <c>times</c> column.
/// </summary>
public sealed class WideTable
{
    /// <summary>Metadata the loaders add themselves or that would be read as something else on the way back.</summary>
    static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
        { "id", "label", "source", "line", "row", "channels", "Index", "time", "date", "timestamp", "id_sample", "sample_id" };

    WideTable(TimeSeriesDataset data, IReadOnlyList<string> channels, IReadOnlyList<string> times,
        IReadOnlyList<string> valueColumns, IReadOnlyList<string> metadata)
    {
        Data = data;
        Channels = channels;
        Times = times;
        ValueColumns = valueColumns;
        MetadataColumns = metadata;
    }

    public TimeSeriesDataset Data { get; }
    public IReadOnlyList<string> Channels { get; }
    public IReadOnlyList<string> Times { get; }
    public IReadOnlyList<string> ValueColumns { get; }
    public IReadOnlyList<string> MetadataColumns { get; }

    /// <summary>The sample-table <c>column_pattern</c> that reads the value columns back into these channels.</summary>
    public string ColumnPattern => $"^(?<band>{string.Join("|", Channels.Select(Regex.Escape))})_(?<time>.+)$";

    /// <param name="what">Names the data in errors, e.g. "table-export: the test set".</param>
    public static WideTable Of(TimeSeriesDataset data, bool withMetadata, string what)
    {
        if (!data.IsEqualLength)
            throw new InvalidDataException(
                $"{what} has series of {data.MinLength}..{data.MaxLength} values; a wide table needs one length per series " +
                "(add a fixed-length step such as crop-pad or fixed-length, or a feature step such as ecg-features, before the model)");
        int length = data.MaxLength;
        var channels = Distinct(data.ChannelNames()) ?? Enumerable.Range(0, data.Channels).Select(c => $"ch{c}").ToList();
        var shared = Distinct(data.TimeNames());
        var sampleTimes = shared is null ? SharedSampleTimes(data, length) : null;
        var times = shared ?? sampleTimes ?? Enumerable.Range(0, length).Select(t => $"t{t}").ToList();
        var valueColumns = channels.SelectMany(c => times.Select(t => $"{c}_{t}")).ToList();
        var metadata = new List<string>();
        if (withMetadata && data.Count > 0)
        {
            var taken = new HashSet<string>(valueColumns, StringComparer.Ordinal);
            foreach (var key in data.Samples[0].Metadata.Keys)
                if (!Reserved.Contains(key) && !taken.Contains(key) && !(key == "times" && sampleTimes is not null) &&
                    data.Samples.All(s => s.Metadata.ContainsKey(key)))
                    metadata.Add(key);
        }
        return new WideTable(data, channels, times, valueColumns, metadata);
    }

    /// <summary>The long table layout keeps each sample's own times ("2013-09-14;2013-09-30;…"): used when all agree.</summary>
    static IReadOnlyList<string>? SharedSampleTimes(TimeSeriesDataset data, int length)
    {
        if (data.Count == 0 || !data.Samples[0].Metadata.TryGetValue("times", out var first)) return null;
        foreach (var s in data.Samples)
            if (!s.Metadata.TryGetValue("times", out var t) || t != first) return null;
        var names = first.Split(';');
        return names.Length == length && names.All(n => n.Length > 0) ? Distinct(names) : null;
    }

    /// <summary>Names that can head columns: null when two are the same.</summary>
    static IReadOnlyList<string>? Distinct(IReadOnlyList<string>? names) =>
        names is not null && names.Distinct(StringComparer.Ordinal).Count() == names.Count ? names : null;
}
