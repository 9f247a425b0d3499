using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Preprocessing;

/// <summary>
/// What the channel-adding steps (<c>differences</c>, <c>position</c>) share: every sample gets new channels after its
/// own (or instead of them), filled by the step, and the <c>channels</c> metadata names them when the source channels
/// had names.
/// </summary>
static class AddedChannels
{
    /// <summary>Fills the added channels of one sample: <c>added</c> holds them one after another, each the sample's length.</summary>
    public delegate void Fill(TimeSeriesSample source, Span<float> added);

    /// <param name="count">How many channels a sample with the given number of channels gets.</param>
    /// <param name="keep">Keep the original channels before the added ones (false: only the added ones remain).</param>
    /// <param name="names">The added channels' names, given the source channels' names.</param>
    public static TimeSeriesDataset Append(TimeSeriesDataset data, Func<int, int> count, bool keep, Fill fill,
        Func<IReadOnlyList<string>, IEnumerable<string>> names)
    {
        var result = new TimeSeriesSample[data.Count];
        Parallel.For(0, data.Count, i =>
        {
            var s = data.Samples[i];
            int n = s.Length, kept = keep ? s.Channels : 0, added = count(s.Channels);
            var values = new float[(kept + added) * n];
            if (keep) s.Values.AsSpan(0, kept * n).CopyTo(values);
            fill(s, values.AsSpan(kept * n, added * n));
            result[i] = s.WithValues(values, kept + added);
        });
        var metadata = new Dictionary<string, string>(data.Metadata);
        if (data.ChannelNames() is { } sourceNames)
            metadata["channels"] = string.Join(",", (keep ? sourceNames : Array.Empty<string>()).Concat(names(sourceNames)));
        else
            metadata.Remove("channels");
        return new TimeSeriesDataset(result, data.Classes, metadata);
    }
}
