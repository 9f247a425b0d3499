using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Preprocessing;

/// <summary>
/// <c>znorm</c>: each channel of each series to zero mean and unit deviation (the UCR convention). Learns nothing.
/// Near-constant channels (deviation below <c>epsilon</c>) are only centred, so they do not explode into noise.
/// </summary>
public sealed class SeriesZNormalisation : StatelessPreprocessorPlugin<SeriesZNormalisation.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("deviations below this only centre the channel", Min = 0, Max = 1)]
        public double Epsilon { get; init; } = 1e-8;
    }

    public override string Name => "znorm";
    public override string Description => "per-series z-normalisation of every channel (zero mean, unit deviation)";

    protected override TimeSeriesDataset Transform(TimeSeriesDataset data, Options options)
    {
        var result = new TimeSeriesSample[data.Count];
        Parallel.For(0, data.Count, i =>
        {
            var s = data.Samples[i];
            var values = new float[s.Values.Length];
            for (int c = 0; c < s.Channels; c++)
                Normalise(s.Channel(c), values.AsSpan(c * s.Length, s.Length), options.Epsilon);
            result[i] = s.WithValues(values, s.Channels);
        });
        return data.WithSamples(result);
    }

    static void Normalise(ReadOnlySpan<float> source, Span<float> target, double epsilon)
    {
        double sum = 0, sumSq = 0;
        foreach (var v in source) { sum += v; sumSq += (double)v * v; }
        double mean = sum / source.Length;
        double variance = Math.Max(0, sumSq / source.Length - mean * mean);
        double sd = Math.Sqrt(variance);
        double scale = sd < epsilon ? 1 : 1 / sd;
        for (int t = 0; t < source.Length; t++) target[t] = (float)((source[t] - mean) * scale);
    }
}
