using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Signal;

/// <summary>
/// <c>augment</c>: enlarges the training set only. For every training series of the chosen classes it appends
/// <c>copies</c> altered copies: each channel multiplied by a factor drawn uniformly from <c>scale</c> and given
/// Gaussian noise of deviation <c>noise</c> × that channel's own deviation. Draws depend on the run seed and the
/// series' position only. Test data, held-out folds and new data pass unchanged. Copies are named
/// <c>&lt;id&gt;#aug&lt;k&gt;</c> and carry <c>augmented_from</c> metadata.
/// </summary>
public sealed class Augmentation : PreprocessorPlugin<Augmentation.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("class names whose series are copied (empty = all classes)")]
        public IReadOnlyList<string> Classes { get; init; } = [];

        [Parameter("copies added per chosen series", Min = 1, Max = 100)]
        public int Copies { get; init; } = 1;

        [Parameter("Gaussian noise deviation relative to each channel's deviation (0 = none)", Min = 0, Max = 10)]
        public double Noise { get; init; } = 0.05;

        [Parameter("[min, max] range of the amplitude factor ([1, 1] = none)", Min = 0, Max = 100)]
        public IReadOnlyList<double> Scale { get; init; } = [1.0, 1.0];

        public override IEnumerable<OptionProblem> Validate()
        {
            if (Scale.Count != 2 || !(Scale[0] > 0) || Scale[1] < Scale[0])
                yield return new("scale", $"scale must be [min, max] with 0 < min <= max, found [{string.Join(", ", Scale)}]");
            else if (Noise == 0 && Scale[0] == 1 && Scale[1] == 1)
                yield return new("noise", "with noise 0 and scale [1, 1] the copies would equal the originals");
        }
    }

    public override string Name => "augment";
    public override string Description => "training set only: add noisy / amplitude-scaled copies of series of chosen classes";

    protected override IFittedPreprocessor Fit(TimeSeriesDataset train, Options options, RunContext context)
    {
        var chosen = new bool[train.Classes.Count];
        if (options.Classes.Count == 0) Array.Fill(chosen, true);
        foreach (var name in options.Classes)
        {
            if (!train.Classes.TryGetIndex(name, out var index))
                throw new ArgumentException($"{options.Step}: class '{name}' is not one of {string.Join(", ", train.Classes.Names)}");
            chosen[index] = true;
        }
        return new Fitted(chosen, options);
    }

    // Only the training transform differs from the identity, and a restored model never trains.
    protected override IFittedPreprocessor Restore(IReadOnlyDictionary<string, string> state, Options options) =>
        new Fitted(Array.Empty<bool>(), options);

    sealed class Fitted : IFittedPreprocessor
    {
        readonly bool[] _chosen;
        readonly Options _options;

        public Fitted(bool[] chosen, Options options) => (_chosen, _options) = (chosen, options);

        public IReadOnlyDictionary<string, string> State { get; } = new Dictionary<string, string>();

        public TimeSeriesDataset Transform(TimeSeriesDataset data) => data;

        public TimeSeriesDataset TransformTraining(TimeSeriesDataset train, RunContext context)
        {
            if (_chosen.Length != train.Classes.Count)
                throw new InvalidOperationException("augment was fitted on another class set than the data it augments");
            var copies = new TimeSeriesSample[train.Count][];
            Parallel.For(0, train.Count, i =>
            {
                var s = train.Samples[i];
                copies[i] = s.Label >= 0 && _chosen[s.Label] ? Copies(s, context.RandomFor("augment", i)) : Array.Empty<TimeSeriesSample>();
            });
            var all = new List<TimeSeriesSample>(train.Samples);
            foreach (var c in copies) all.AddRange(c);
            return train.WithSamples(all);
        }

        TimeSeriesSample[] Copies(TimeSeriesSample s, Random random)
        {
            var result = new TimeSeriesSample[_options.Copies];
            double scaleMin = _options.Scale[0], scaleMax = _options.Scale[1];
            for (int k = 0; k < result.Length; k++)
            {
                var values = new float[s.Values.Length];
                for (int c = 0; c < s.Channels; c++)
                {
                    var src = s.Channel(c);
                    var dst = values.AsSpan(c * s.Length, s.Length);
                    double factor = scaleMin + (scaleMax - scaleMin) * random.NextDouble();
                    double sigma = _options.Noise * Deviation(src);
                    for (int t = 0; t < src.Length; t++)
                        dst[t] = (float)(src[t] * factor + (sigma > 0 ? sigma * random.NextGaussian() : 0));
                }
                var metadata = new Dictionary<string, string>(s.Metadata) { ["augmented_from"] = s.Id };
                result[k] = new TimeSeriesSample($"{s.Id}#aug{k + 1}", values, s.Channels, s.Label, metadata);
            }
            return result;
        }

        static double Deviation(ReadOnlySpan<float> x)
        {
            double sum = 0, sumSq = 0;
            foreach (var v in x) { sum += v; sumSq += (double)v * v; }
            double mean = sum / x.Length;
            return Math.Sqrt(Math.Max(0, sumSq / x.Length - mean * mean));
        }
    }
}
