using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Preprocessing;

/// <summary>
/// <c>dataset-znorm</c>: per-channel mean and deviation learned over the whole training set and applied unchanged
/// to test and new data (stored with the model), as the LSTM-FCN reference code normalises.
/// </summary>
public sealed class DatasetZNormalisation : PreprocessorPlugin<DatasetZNormalisation.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("deviations below this are treated as 1", Min = 0, Max = 1)]
        public double Epsilon { get; init; } = 1e-8;
    }

    public override string Name => "dataset-znorm";
    public override string Description => "z-normalisation with per-channel statistics learned on the training set";

    protected override IFittedPreprocessor Fit(TimeSeriesDataset train, Options options, RunContext context)
    {
        int channels = train.Channels;
        var sum = new double[channels];
        var sumSq = new double[channels];
        var count = new long[channels];
        foreach (var s in train.Samples)
            for (int c = 0; c < channels; c++)
                foreach (var v in s.Channel(c))
                {
                    if (float.IsNaN(v)) continue;
                    sum[c] += v;
                    sumSq[c] += (double)v * v;
                    count[c]++;
                }
        var mean = new double[channels];
        var sd = new double[channels];
        double epsilon = options.Epsilon;
        for (int c = 0; c < channels; c++)
        {
            mean[c] = count[c] == 0 ? 0 : sum[c] / count[c];
            var variance = count[c] == 0 ? 0 : Math.Max(0, sumSq[c] / count[c] - mean[c] * mean[c]);
            sd[c] = Math.Sqrt(variance) < epsilon ? 1 : Math.Sqrt(variance);
        }
        return new Fitted(mean, sd);
    }

    protected override IFittedPreprocessor Restore(IReadOnlyDictionary<string, string> state, Options options) =>
        new Fitted(StateCodec.Decode(state, "mean"), StateCodec.Decode(state, "sd"));

    sealed class Fitted : IFittedPreprocessor
    {
        readonly double[] _mean, _sd;

        public Fitted(double[] mean, double[] sd)
        {
            _mean = mean;
            _sd = sd;
            State = new Dictionary<string, string> { ["mean"] = StateCodec.Encode(mean), ["sd"] = StateCodec.Encode(sd) };
        }

        public IReadOnlyDictionary<string, string> State { get; }

        public TimeSeriesDataset Transform(TimeSeriesDataset data)
        {
            if (data.Count > 0 && data.Channels != _mean.Length)
                throw new InvalidDataException($"dataset-znorm learned {_mean.Length} channel(s); the data has {data.Channels}");
            var result = new TimeSeriesSample[data.Count];
            for (int i = 0; i < data.Count; i++)
            {
                var s = data.Samples[i];
                var values = new float[s.Values.Length];
                for (int c = 0; c < s.Channels; c++)
                {
                    float mean = (float)_mean[c], inv = (float)(1 / _sd[c]);
                    var src = s.Channel(c);
                    var dst = values.AsSpan(c * s.Length, s.Length);
                    for (int t = 0; t < src.Length; t++) dst[t] = (src[t] - mean) * inv;
                }
                result[i] = s.WithValues(values, s.Channels);
            }
            return data.WithSamples(result);
        }
    }
}
