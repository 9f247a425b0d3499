using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Signal;

/// <summary>
/// <c>augment</c>: enlarges the training set only. For every training series of the chosen classes it appends
/// <c>copies</c> altered copies: each channel multiplied by a factor drawn uniformly from <c>scale</c> and given
/// Gaussian noise of deviation <c>noise</c> × that channel's own deviation. Draws depend on the run seed and the
/// series' position only. Test data, held-out folds and new data pass unchanged. Copies are named
/// <c>&lt;id&gt;#aug&lt;k&gt;</c> and carry <c>augmented_from</c> metadata.
/// </summary>
public sealed class Augmentation : IPreprocessorPlugin
{
    public string Name => "augment";
    public string Description => "training set only: add noisy / amplitude-scaled copies of series of chosen classes";

    public IReadOnlyList<ParameterSpec> Parameters { get; } = new[]
    {
        new ParameterSpec("classes", ParameterType.StringList, "class names whose series are copied (empty = all classes)") { Default = new List<string>() },
        ParameterSpec.Int("copies", 1, "copies added per chosen series", min: 1, max: 100),
        ParameterSpec.Number("noise", 0.05, "Gaussian noise deviation relative to each channel's deviation (0 = none)", min: 0),
        new ParameterSpec("scale", ParameterType.NumberList, "[min, max] range of the amplitude factor ([1, 1] = none)") { Default = new List<double> { 1.0, 1.0 } },
    };

    public IFittedPreprocessor Fit(TimeSeriesDataset train, PluginArguments args, RunContext context)
    {
        var chosen = new bool[train.Classes.Count];
        var names = args.GetStringList("classes");
        if (names.Count == 0) Array.Fill(chosen, true);
        foreach (var name in names)
        {
            if (!train.Classes.TryGetIndex(name, out var index))
                throw new ArgumentException($"{args.StepName}: class '{name}' is not one of {string.Join(", ", train.Classes.Names)}");
            chosen[index] = true;
        }
        return new Fitted(chosen, Settings(args));
    }

    public IFittedPreprocessor Restore(IReadOnlyDictionary<string, string> state, PluginArguments args)
    {
        // Only the training transform differs from the identity, and a restored model never trains.
        Settings(args);
        return new Fitted(Array.Empty<bool>(), default);
    }

    readonly record struct CopySettings(int Copies, double Noise, double ScaleMin, double ScaleMax);

    static CopySettings Settings(PluginArguments args)
    {
        var scale = args.GetNumberList("scale");
        if (scale.Count != 2 || !(scale[0] > 0) || scale[1] < scale[0])
            throw new ArgumentException($"{args.StepName}: scale must be [min, max] with 0 < min <= max, found [{string.Join(", ", scale)}]");
        double noise = args.GetDouble("noise");
        if (noise == 0 && scale[0] == 1 && scale[1] == 1)
            throw new ArgumentException($"{args.StepName}: with noise 0 and scale [1, 1] the copies would equal the originals");
        return new CopySettings(args.GetInt("copies"), noise, scale[0], scale[1]);
    }

    sealed class Fitted : IFittedPreprocessor
    {
        readonly bool[] _chosen;
        readonly CopySettings _settings;

        public Fitted(bool[] chosen, CopySettings settings) => (_chosen, _settings) = (chosen, settings);

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
            var result = new TimeSeriesSample[_settings.Copies];
            for (int k = 0; k < result.Length; k++)
            {
                var values = new float[s.Values.Length];
                for (int c = 0; c < s.Channels; c++)
                {
                    var src = s.Channel(c);
                    var dst = values.AsSpan(c * s.Length, s.Length);
                    double factor = _settings.ScaleMin + (_settings.ScaleMax - _settings.ScaleMin) * random.NextDouble();
                    double sigma = _settings.Noise * Deviation(src);
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
