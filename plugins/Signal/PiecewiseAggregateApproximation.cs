using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Signal;

/// <summary>
/// <c>paa</c>: shortens every channel by <see cref="PiecewiseAggregate"/> to a fixed <c>length</c>, or to
/// round(n · <c>ratio</c>) points (at least 1) of each series' own length n. The recorded sampling rate scales
/// with the length. Learns nothing.
/// </summary>
public sealed class PiecewiseAggregateApproximation : IPreprocessorPlugin
{
    public string Name => "paa";
    public string Description => "piecewise aggregate approximation: segment means, to a length or a compression ratio";

    public IReadOnlyList<ParameterSpec> Parameters { get; } = new[]
    {
        new ParameterSpec("ratio", ParameterType.Number, "output length / input length, e.g. 0.5, 0.25, 0.1 (or give length)") { Minimum = 1e-6, Maximum = 1 },
        new ParameterSpec("length", ParameterType.Integer, "output length of every series (or give ratio)") { Minimum = 1 },
    };

    public IFittedPreprocessor Fit(TimeSeriesDataset train, PluginArguments args, RunContext context) => Create(args);

    public IFittedPreprocessor Restore(IReadOnlyDictionary<string, string> state, PluginArguments args) => Create(args);

    static Fitted Create(PluginArguments args)
    {
        bool byRatio = args.IsSet("ratio"), byLength = args.IsSet("length");
        if (byRatio == byLength) throw new ArgumentException($"{args.StepName}: give exactly one of 'ratio' and 'length'");
        return new Fitted(byRatio ? args.GetDouble("ratio") : null, byLength ? args.GetInt("length") : null);
    }

    sealed class Fitted : IFittedPreprocessor
    {
        readonly double? _ratio;
        readonly int? _length;

        public Fitted(double? ratio, int? length) => (_ratio, _length) = (ratio, length);

        public IReadOnlyDictionary<string, string> State { get; } = new Dictionary<string, string>();

        public int LengthOf(int n) => _length ?? Math.Max(1, (int)Math.Round(n * _ratio!.Value, MidpointRounding.AwayFromZero));

        public TimeSeriesDataset Transform(TimeSeriesDataset data)
        {
            var result = PerSeries.Map(data, (s, _) =>
            {
                int length = LengthOf(s.Length);
                var values = new float[s.Channels * length];
                for (int c = 0; c < s.Channels; c++)
                    PiecewiseAggregate.Reduce(s.Channel(c), values.AsSpan(c * length, length));
                double? rate = SamplingRate.TryOf(s, data, out var r) ? r * length / s.Length : null;
                return new TimeSeriesSample(s.Id, values, s.Channels, s.Label, SamplingRate.With(s.Metadata, rate));
            });
            return SamplingRate.Relabel(data, result, r => _ratio is { } q ? r * q : null);
        }
    }
}
