using LstmFcn.Pipeline;
using LstmFcn.Signal;

namespace LstmFcn.Plugins.Signal;

/// <summary>
/// <c>paa</c>: shortens every channel by <see cref="PiecewiseAggregate"/> to a fixed <c>length</c>, or to
/// round(n · <c>ratio</c>) points (at least 1) of each series' own length n. The recorded sampling rate scales
/// with the length. Learns nothing.
/// </summary>
public sealed class PiecewiseAggregateApproximation : StatelessPreprocessorPlugin<PiecewiseAggregateApproximation.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("output length / input length, e.g. 0.5, 0.25, 0.1 (or give length)", Min = 1e-6, Max = 1)]
        public double? Ratio { get; init; }

        [Parameter("output length of every series (or give ratio)", Min = 1, Max = 100_000_000)]
        public int? Length { get; init; }

        public override IEnumerable<OptionProblem> Validate()
        {
            if ((Ratio is null) == (Length is null))
                yield return new(Length is null ? null : "length", "give exactly one of 'ratio' and 'length'");
        }

        internal int LengthOf(int n) => Length ?? Math.Max(1, (int)Math.Round(n * Ratio!.Value, MidpointRounding.AwayFromZero));
    }

    public override string Name => "paa";
    public override string Description => "piecewise aggregate approximation: segment means, to a length or a compression ratio";

    protected override TimeSeriesDataset Transform(TimeSeriesDataset data, Options options)
    {
        var result = PerSeries.Map(data, (s, _) =>
        {
            int length = options.LengthOf(s.Length);
            var values = new float[s.Channels * length];
            for (int c = 0; c < s.Channels; c++)
                PiecewiseAggregate.Reduce(s.Channel(c), values.AsSpan(c * length, length));
            double? rate = SamplingRate.TryOf(s, data, out var r) ? r * length / s.Length : null;
            return new TimeSeriesSample(s.Id, values, s.Channels, s.Label, SamplingRate.With(s.Metadata, rate));
        });
        return SamplingRate.Relabel(data, result, r => options.Ratio is { } q ? r * q : null);
    }
}
