using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Preprocessing;

/// <summary>
/// <c>position</c>: adds channels that say where each step lies in the series — a ramp from 0 at the first step to 1
/// at the last (<c>encoding: ramp</c>), or the sine and cosine of one cycle over the series (<c>sincos</c>, for a
/// year of dates). Convolutions followed by global average pooling cannot tell when something happens, only that it
/// does; with a position channel beside the values a filter can respond to "green in the second half of the season"
/// (the CoordConv idea), which separates crop calendars that share their shapes. Learns nothing.
/// </summary>
public sealed class PositionChannels : StatelessPreprocessorPlugin<PositionChannels.Options>
{
    /// <summary>ramp: one channel t/(length−1); sincos: two channels sin and cos of 2πt/length.</summary>
    public enum Encoding { Ramp, Sincos }

    public sealed record Options : PluginOptions
    {
        [Parameter("ramp: one channel t/(length−1); sincos: two channels sin and cos of 2πt/length")]
        public Encoding Encoding { get; init; } = Encoding.Ramp;
    }

    public override string Name => "position";
    public override string Description => "append channels encoding each step's position in the series (ramp 0 → 1, or sin/cos of one cycle)";

    protected override TimeSeriesDataset Transform(TimeSeriesDataset data, Options options)
    {
        bool cyclic = options.Encoding == Encoding.Sincos;
        return AddedChannels.Append(data, _ => cyclic ? 2 : 1, keep: true, cyclic ? Cycle : Ramp,
            _ => cyclic ? new[] { "position_sin", "position_cos" } : new[] { "position" });
    }

    static void Ramp(TimeSeriesSample source, Span<float> added)
    {
        int n = source.Length;
        for (int t = 0; t < n; t++) added[t] = n > 1 ? t / (float)(n - 1) : 0f;
    }

    static void Cycle(TimeSeriesSample source, Span<float> added)
    {
        int n = source.Length;
        for (int t = 0; t < n; t++)
        {
            double angle = 2 * Math.PI * t / n;
            added[t] = (float)Math.Sin(angle);
            added[n + t] = (float)Math.Cos(angle);
        }
    }
}
