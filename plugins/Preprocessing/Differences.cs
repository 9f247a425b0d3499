using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Preprocessing;

/// <summary>
/// <c>differences</c>: adds, for every channel, the series of its changes from one step to the next (x[t] − x[t−1],
/// 0 at the first step), as new channels after the originals (or instead of them with <c>keep: false</c>). Gives a
/// model that sees values one at a time, such as a tree ensemble, the slopes of a series directly (green-up and
/// harvest in a vegetation index). Learns nothing.
/// </summary>
public sealed class Differences : StatelessPreprocessorPlugin<Differences.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("keep the original channels before the difference channels (false: differences only)")]
        public bool Keep { get; init; } = true;
    }

    public override string Name => "differences";
    public override string Description => "append each channel's first differences (x[t] − x[t−1]) as new channels";

    protected override TimeSeriesDataset Transform(TimeSeriesDataset data, Options options) =>
        AddedChannels.Append(data, channels => channels, options.Keep, Fill, names => names.Select(n => n + "_diff"));

    static void Fill(TimeSeriesSample source, Span<float> added)
    {
        int n = source.Length;
        for (int c = 0; c < source.Channels; c++)
        {
            var values = source.Channel(c);
            var target = added.Slice(c * n, n);
            for (int t = 1; t < n; t++) target[t] = values[t] - values[t - 1];
        }
    }
}
