using System.Collections.Concurrent;
using LstmFcn.Pipeline;
using LstmFcn.Signal;

namespace LstmFcn.Plugins.Signal;

/// <summary>
/// <c>resample</c>: changes the sampling rate of every channel with <see cref="PolyphaseResampler"/> (Kaiser-windowed
/// sinc, anti-aliased when downsampling; as scipy.signal.resample_poly). Either to a target <c>rate</c> in Hz — each
/// series' own rate comes from its <c>sampling_rate</c> metadata, or <c>source_rate</c> for series without — or by a
/// length <c>factor</c>. The ratio must be a fraction with terms up to 1000 (e.g. 300 → 128 Hz is 32/75). The
/// recorded sampling rate is updated. Learns nothing.
/// </summary>
public sealed class Resampling : StatelessPreprocessorPlugin<Resampling.Options>
{
    const int MaxTerm = 1000;

    public sealed record Options : PluginOptions
    {
        [Parameter("target sampling rate in Hz (or give factor)", Min = 1e-6, Max = 1e9)]
        public double? Rate { get; init; }

        [Parameter("output length / input length, e.g. 0.5 (or give rate)", Min = 1e-3, Max = 1000)]
        public double? Factor { get; init; }

        [Parameter("rate in Hz of series without sampling_rate metadata", Min = 1e-6, Max = 1e9)]
        public double? SourceRate { get; init; }

        [Parameter("Kaiser window β of the low-pass filter (scipy's default 5)", Min = 0, Max = 50)]
        public double KaiserBeta { get; init; } = 5.0;

        public override IEnumerable<OptionProblem> Validate()
        {
            if ((Rate is null) == (Factor is null))
                yield return new(Factor is null ? null : "factor", "give exactly one of 'rate' (Hz) and 'factor'");
            if (Factor is { } f && RationalRatio.Approximate(f, MaxTerm) is null)
                yield return new("factor", $"factor {f} is not a fraction with terms up to {MaxTerm}");
        }
    }

    public override string Name => "resample";
    public override string Description => "anti-aliased polyphase resampling to a target rate (Hz) or by a factor";

    protected override TimeSeriesDataset Transform(TimeSeriesDataset data, Options options)
    {
        // One filter per ratio: series of one rate share it.
        var resamplers = new ConcurrentDictionary<RationalRatio, PolyphaseResampler>();
        var result = PerSeries.Map(data, (s, _) =>
        {
            double? sourceRate = options.Factor is null ? SamplingRate.Of(s, data, options.SourceRate, options.Step)
                : SamplingRate.TryOf(s, data, out var known) ? known : options.SourceRate;
            var ratio = options.Factor is { } f ? RationalRatio.Approximate(f, MaxTerm)!.Value : RatioFor(options, sourceRate!.Value, s.Id);
            double? newRate = sourceRate is { } r0 ? r0 * ratio.Up / ratio.Down : null;
            if (ratio is { Up: 1, Down: 1 })
            {
                return new TimeSeriesSample(s.Id, s.Values, s.Channels, s.Label, SamplingRate.With(s.Metadata, newRate));
            }
            var resampler = resamplers.GetOrAdd(ratio, r => new PolyphaseResampler(r, options.KaiserBeta));
            int length = resampler.OutputLength(s.Length);
            var values = new float[s.Channels * length];
            for (int c = 0; c < s.Channels; c++)
                resampler.Apply(s.Channel(c), values.AsSpan(c * length, length));
            return new TimeSeriesSample(s.Id, values, s.Channels, s.Label, SamplingRate.With(s.Metadata, newRate));
        });
        return SamplingRate.Relabel(data, result, r => options.Rate ?? r * options.Factor!.Value);
    }

    static RationalRatio RatioFor(Options options, double sourceRate, string id) =>
        RationalRatio.Approximate(options.Rate!.Value / sourceRate, MaxTerm)
        ?? throw new InvalidDataException(
            $"{options.Step}: {SamplingRate.Format(sourceRate)} Hz → {SamplingRate.Format(options.Rate!.Value)} Hz (series '{id}') is not a fraction with terms up to {MaxTerm}; choose another target rate");
}
