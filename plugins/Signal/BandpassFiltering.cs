using System.Collections.Concurrent;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Signal;

/// <summary>
/// <c>bandpass</c>: zero-phase Butterworth filtering of every channel (forward-backward, so the effective order is
/// doubled and nothing shifts in time; as scipy.signal.butter(output='sos') + sosfiltfilt). <c>low: 0</c> gives a
/// low-pass, <c>high: 0</c> a high-pass. The sampling rate comes from each series' <c>sampling_rate</c> metadata or
/// the <c>rate</c> parameter. Learns nothing.
/// </summary>
public sealed class BandpassFiltering : IPreprocessorPlugin
{
    public string Name => "bandpass";
    public string Description => "zero-phase Butterworth band-pass (or low-/high-pass) filter";

    public IReadOnlyList<ParameterSpec> Parameters { get; } = new[]
    {
        ParameterSpec.Number("low", 0.5, "lower cut-off in Hz (0 = none: low-pass)", min: 0),
        ParameterSpec.Number("high", 40, "upper cut-off in Hz (0 = none: high-pass)", min: 0),
        ParameterSpec.Int("order", 4, "Butterworth order of each pass (a band-pass has twice as many poles)", min: 1, max: 10),
        new ParameterSpec("rate", ParameterType.Number, "sampling rate in Hz of series without sampling_rate metadata") { Minimum = 1e-6 },
    };

    public IFittedPreprocessor Fit(TimeSeriesDataset train, PluginArguments args, RunContext context) => Create(args);

    public IFittedPreprocessor Restore(IReadOnlyDictionary<string, string> state, PluginArguments args) => Create(args);

    static Fitted Create(PluginArguments args)
    {
        double low = args.GetDouble("low"), high = args.GetDouble("high");
        if (low == 0 && high == 0) throw new ArgumentException($"{args.StepName}: set a low or a high cut-off (both are 0)");
        if (low > 0 && high > 0 && low >= high)
            throw new ArgumentException($"{args.StepName}: low cut-off {low} Hz must be below the high cut-off {high} Hz");
        return new Fitted(args.StepName, low > 0 ? low : null, high > 0 ? high : null, args.GetInt("order"),
            args.IsSet("rate") ? args.GetDouble("rate") : null);
    }

    sealed class Fitted : IFittedPreprocessor
    {
        readonly string _step;
        readonly double? _low, _high, _rate;
        readonly int _order;
        readonly ConcurrentDictionary<double, SecondOrderSections> _filters = new();

        public Fitted(string step, double? low, double? high, int order, double? rate) =>
            (_step, _low, _high, _order, _rate) = (step, low, high, order, rate);

        public IReadOnlyDictionary<string, string> State { get; } = new Dictionary<string, string>();

        public TimeSeriesDataset Transform(TimeSeriesDataset data)
        {
            var result = PerSeries.Map(data, (s, _) =>
            {
                double rate = SamplingRate.Of(s, data, _rate, _step);
                var filter = _filters.GetOrAdd(rate, r => Design(r, s.Id));
                var values = new float[s.Values.Length];
                for (int c = 0; c < s.Channels; c++)
                    filter.FilterForwardBackward(s.Channel(c), values.AsSpan(c * s.Length, s.Length));
                return s.WithValues(values, s.Channels);
            });
            return data.WithSamples(result);
        }

        SecondOrderSections Design(double rate, string id)
        {
            double nyquist = rate / 2;
            foreach (var (edge, name) in new[] { (_low, "low"), (_high, "high") })
                if (edge is { } hz && hz >= nyquist)
                    throw new InvalidDataException(
                        $"{_step}: {name} cut-off {SamplingRate.Format(hz)} Hz is not below the Nyquist frequency {SamplingRate.Format(nyquist)} Hz of series '{id}' (rate {SamplingRate.Format(rate)} Hz)");
            return ButterworthDesign.Design(_order, _low, _high, rate);
        }
    }
}
