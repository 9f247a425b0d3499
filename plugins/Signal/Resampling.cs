using System.Collections.Concurrent;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Signal;

/// <summary>
/// <c>resample</c>: changes the sampling rate of every channel with <see cref="PolyphaseResampler"/> (Kaiser-windowed
/// sinc, anti-aliased when downsampling; as scipy.signal.resample_poly). Either to a target <c>rate</c> in Hz — each
/// series' own rate comes from its <c>sampling_rate</c> metadata, or <c>source_rate</c> for series without — or by a
/// length <c>factor</c>. The ratio must be a fraction with terms up to 1000 (e.g. 300 → 128 Hz is 32/75). The
/// recorded sampling rate is updated. Learns nothing.
/// </summary>
public sealed class Resampling : IPreprocessorPlugin
{
    const int MaxTerm = 1000;

    public string Name => "resample";
    public string Description => "anti-aliased polyphase resampling to a target rate (Hz) or by a factor";

    public IReadOnlyList<ParameterSpec> Parameters { get; } = new[]
    {
        new ParameterSpec("rate", ParameterType.Number, "target sampling rate in Hz (or give factor)") { Minimum = 1e-6 },
        new ParameterSpec("factor", ParameterType.Number, "output length / input length, e.g. 0.5 (or give rate)") { Minimum = 1e-3, Maximum = 1000 },
        new ParameterSpec("source_rate", ParameterType.Number, "rate in Hz of series without sampling_rate metadata") { Minimum = 1e-6 },
        ParameterSpec.Number("kaiser_beta", 5.0, "Kaiser window β of the low-pass filter (scipy's default 5)", min: 0, max: 50),
    };

    public IFittedPreprocessor Fit(TimeSeriesDataset train, PluginArguments args, RunContext context) => Create(args);

    public IFittedPreprocessor Restore(IReadOnlyDictionary<string, string> state, PluginArguments args) => Create(args);

    static Fitted Create(PluginArguments args)
    {
        bool byRate = args.IsSet("rate"), byFactor = args.IsSet("factor");
        if (byRate == byFactor)
            throw new ArgumentException($"{args.StepName}: give exactly one of 'rate' (Hz) and 'factor'");
        double? factor = byFactor ? args.GetDouble("factor") : null;
        if (factor is { } f && RationalRatio.Approximate(f, MaxTerm) is null)
            throw new ArgumentException($"{args.StepName}: factor {f} is not a fraction with terms up to {MaxTerm}");
        return new Fitted(args.StepName, byRate ? args.GetDouble("rate") : null, factor,
            args.IsSet("source_rate") ? args.GetDouble("source_rate") : null, args.GetDouble("kaiser_beta"));
    }

    sealed class Fitted : IFittedPreprocessor
    {
        readonly string _step;
        readonly double? _rate, _factor, _sourceRate;
        readonly double _beta;
        readonly ConcurrentDictionary<RationalRatio, PolyphaseResampler> _resamplers = new();

        public Fitted(string step, double? rate, double? factor, double? sourceRate, double beta) =>
            (_step, _rate, _factor, _sourceRate, _beta) = (step, rate, factor, sourceRate, beta);

        public IReadOnlyDictionary<string, string> State { get; } = new Dictionary<string, string>();

        public TimeSeriesDataset Transform(TimeSeriesDataset data)
        {
            var result = PerSeries.Map(data, (s, _) =>
            {
                double? sourceRate = _factor is null ? SamplingRate.Of(s, data, _sourceRate, _step)
                    : SamplingRate.TryOf(s, data, out var known) ? known : _sourceRate;
                var ratio = _factor is { } f ? RationalRatio.Approximate(f, MaxTerm)!.Value : RatioFor(sourceRate!.Value, s.Id);
                double? newRate = sourceRate is { } r0 ? r0 * ratio.Up / ratio.Down : null;
                if (ratio is { Up: 1, Down: 1 })
                {
                    return new TimeSeriesSample(s.Id, s.Values, s.Channels, s.Label, SamplingRate.With(s.Metadata, newRate));
                }
                var resampler = _resamplers.GetOrAdd(ratio, r => new PolyphaseResampler(r, _beta));
                int length = resampler.OutputLength(s.Length);
                var values = new float[s.Channels * length];
                for (int c = 0; c < s.Channels; c++)
                    resampler.Apply(s.Channel(c), values.AsSpan(c * length, length));
                return new TimeSeriesSample(s.Id, values, s.Channels, s.Label, SamplingRate.With(s.Metadata, newRate));
            });
            return SamplingRate.Relabel(data, result, r => _rate ?? r * _factor!.Value);
        }

        RationalRatio RatioFor(double sourceRate, string id) =>
            RationalRatio.Approximate(_rate!.Value / sourceRate, MaxTerm)
            ?? throw new InvalidDataException(
                $"{_step}: {SamplingRate.Format(sourceRate)} Hz → {SamplingRate.Format(_rate!.Value)} Hz (series '{id}') is not a fraction with terms up to {MaxTerm}; choose another target rate");
    }
}
