using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using LstmFcn.Pipeline;
using LstmFcn.Signal;

namespace LstmFcn.Plugins.Ecg.Features;

/// <summary>
/// <c>ecg-features</c>: replaces every ECG lead by the <see cref="EcgFeatureExtractor"/> vector of that lead — R-peak
/// rhythm (RR statistics and irregularity), beat morphology, amplitude/noise and spectral features — so series of any
/// length become equal-length rows a random forest (or any model) can take. The result has one channel per input
/// channel and one "time step" per feature; the dataset's <c>times</c> metadata names the features (the forest's
/// <c>feature-importance.csv</c> then reads <c>ecg/rr_cv</c>). Needs each series' sampling rate (metadata or
/// <c>rate</c>). Learns nothing.
/// </summary>
public sealed class EcgFeatures : StatelessPreprocessorPlugin<EcgFeatures.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("sampling rate in Hz of series without sampling_rate metadata", Min = 1e-6, Max = 1e6)]
        public double? Rate { get; init; }
    }

    public override string Name => "ecg-features";
    public override string Description => "ECG lead → R-peak rhythm (RR/HRV, irregularity), beat morphology, noise and band-power features";

    /// <summary>
    /// The features of a series are a function of its values and rate alone, and cross-validation transforms the same
    /// series once per fold: each values array's features are kept (weakly, so they go with the series) and reused.
    /// </summary>
    static readonly ConditionalWeakTable<float[], Computed> Cache = new();

    sealed record Computed(double Rate, float[] Features);

    protected override TimeSeriesDataset Transform(TimeSeriesDataset data, Options options)
    {
        var extractors = new ConcurrentDictionary<double, EcgFeatureExtractor>();
        int count = EcgFeatureExtractor.Names.Length;
        var result = PerSeries.Map(data, (s, _) =>
        {
            double rate = SamplingRate.Of(s, data, options.Rate, options.Step);
            if (rate < QrsDetector.MinimumRate)
                throw new InvalidDataException(
                    $"{options.Step}: series '{s.Id}' is sampled at {SamplingRate.Format(rate)} Hz; R-peak detection needs at least " +
                    $"{QrsDetector.MinimumRate} Hz (the QRS band is 5–15 Hz): compress or resample less");
            if (Cache.TryGetValue(s.Values, out var known) && known.Rate == rate)
                return new TimeSeriesSample(s.Id, (float[])known.Features.Clone(), s.Channels, s.Label, SamplingRate.With(s.Metadata, null));
            var extractor = extractors.GetOrAdd(rate, r => new EcgFeatureExtractor(r));
            if (s.Length == 0) throw new InvalidDataException($"{options.Step}: series '{s.Id}' is empty: there is no ECG to measure");
            var values = new float[s.Channels * count];
            for (int c = 0; c < s.Channels; c++)
            {
                try { extractor.Extract(s.Channel(c), values.AsSpan(c * count, count)); }
                catch (InvalidOperationException e)
                {
                    throw new InvalidDataException($"{options.Step}: series '{s.Id}' channel {c}: {e.Message}", e);
                }
            }
            Cache.AddOrUpdate(s.Values, new Computed(rate, (float[])values.Clone()));
            return new TimeSeriesSample(s.Id, values, s.Channels, s.Label, SamplingRate.With(s.Metadata, null));
        });
        var metadata = new Dictionary<string, string>(data.Metadata) { ["times"] = string.Join(",", EcgFeatureExtractor.Names) };
        metadata.Remove(SamplingRate.Key);
        if (data.Channels == 1 && !metadata.ContainsKey("channels")) metadata["channels"] = "ecg";
        return new TimeSeriesDataset(result, data.Classes, metadata);
    }
}
