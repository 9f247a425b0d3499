using System.Collections.Concurrent;
using LstmFcn.Pipeline;
using LstmFcn.Signal;

namespace LstmFcn.Plugins.Signal;

/// <summary>
/// <c>bandpass</c>: zero-phase Butterworth filtering of every channel (forward-backward, so the effective order is
/// doubled and nothing shifts in time; as scipy.signal.butter(output='sos') + sosfiltfilt). <c>low: 0</c> gives a
/// low-pass, <c>high: 0</c> a high-pass. The sampling rate comes from each series' <c>sampling_rate</c> metadata or
/// the <c>rate</c> parameter. Learns nothing.
/// </summary>
public sealed class BandpassFiltering : StatelessPreprocessorPlugin<BandpassFiltering.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("lower cut-off in Hz (0 = none: low-pass)", Min = 0, Max = 1e9)]
        public double Low { get; init; } = 0.5;

        [Parameter("upper cut-off in Hz (0 = none: high-pass)", Min = 0, Max = 1e9)]
        public double High { get; init; } = 40;

        [Parameter("Butterworth order of each pass (a band-pass has twice as many poles)", Min = 1, Max = 10)]
        public int Order { get; init; } = 4;

        [Parameter("sampling rate in Hz of series without sampling_rate metadata", Min = 1e-6, Max = 1e9)]
        public double? Rate { get; init; }

        /// <summary>The cut-offs the filter design takes: null where 0 leaves that side open.</summary>
        internal double? LowEdge => Low > 0 ? Low : null;
        internal double? HighEdge => High > 0 ? High : null;

        public override IEnumerable<OptionProblem> Validate()
        {
            if (Low == 0 && High == 0) yield return new("high", "set a low or a high cut-off (both are 0)");
            if (Low > 0 && High > 0 && Low >= High)
                yield return new("low", $"low cut-off {Low} Hz must be below the high cut-off {High} Hz");
        }
    }

    public override string Name => "bandpass";
    public override string Description => "zero-phase Butterworth band-pass (or low-/high-pass) filter";

    protected override TimeSeriesDataset Transform(TimeSeriesDataset data, Options options)
    {
        // One filter per sampling rate: series of one rate share it.
        var filters = new ConcurrentDictionary<double, SecondOrderSections>();
        var result = PerSeries.Map(data, (s, _) =>
        {
            double rate = SamplingRate.Of(s, data, options.Rate, options.Step);
            var filter = filters.GetOrAdd(rate, r => Design(options, r, s.Id));
            var values = new float[s.Values.Length];
            for (int c = 0; c < s.Channels; c++)
                filter.FilterForwardBackward(s.Channel(c), values.AsSpan(c * s.Length, s.Length));
            return s.WithValues(values, s.Channels);
        });
        return data.WithSamples(result);
    }

    static SecondOrderSections Design(Options options, double rate, string id)
    {
        double nyquist = rate / 2;
        foreach (var (edge, name) in new[] { (options.LowEdge, "low"), (options.HighEdge, "high") })
            if (edge is { } hz && hz >= nyquist)
                throw new InvalidDataException(
                    $"{options.Step}: {name} cut-off {SamplingRate.Format(hz)} Hz is not below the Nyquist frequency {SamplingRate.Format(nyquist)} Hz of series '{id}' (rate {SamplingRate.Format(rate)} Hz)");
        return ButterworthDesign.Design(options.Order, options.LowEdge, options.HighEdge, rate);
    }
}
