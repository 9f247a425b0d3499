using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Ucr;

/// <summary>
/// The <c>cbf</c> loader: Saito's (1994) Cylinder–Bell–Funnel series, the generator behind the UCR archive's CBF set,
/// at any size and length. Each class is an event on [a, b] of amplitude 6 + η on Gaussian noise ε: a plateau
/// (cylinder), a ramp up (bell) or a ramp down (funnel). With length 128, a ~ U[16, 32] and b − a ~ U[32, 96]; other
/// lengths scale both. Classes take turns, so every class has a third of the series. Made for benchmarks (a 10 000 ×
/// 512 set without a file) and smoke tests: the data are a pure function of the run's seed.
/// </summary>
public sealed class CbfLoader : LoaderPlugin<CbfLoader.Options>
{
    static readonly string[] ClassNames = { "cylinder", "bell", "funnel" };

    public sealed record Options : PluginOptions
    {
        [Parameter("number of training series", Min = 3, Max = 10_000_000)]
        public int Train { get; init; } = 900;

        [Parameter("number of test series (0: only train)", Min = 0, Max = 10_000_000)]
        public int Test { get; init; } = 300;

        [Parameter("time steps per series", Min = 16, Max = 1_000_000)]
        public int Length { get; init; } = 128;

        [Parameter("standard deviation of the additive Gaussian noise ε", Min = 0, Max = 1000)]
        public double Noise { get; init; } = 1.0;
    }

    public override string Name => "cbf";
    public override string Description => "synthetic Cylinder-Bell-Funnel series (Saito 1994) of any size and length, from the run's seed";

    protected override DatasetSplit Load(Options options, RunContext context)
    {
        var classes = new ClassLabels(ClassNames);
        // Train and test draw from separate streams, so the training series do not depend on the test size.
        var train = Generate(options.Train, options.Length, options.Noise, context.RandomFor("cbf-train"), classes, "train");
        var test = Generate(options.Test, options.Length, options.Noise, context.RandomFor("cbf-test"), classes, "test");
        return new DatasetSplit(train, test);
    }

    static TimeSeriesDataset Generate(int count, int length, double noise, Random random, ClassLabels classes, string split)
    {
        var samples = new TimeSeriesSample[count];
        double scale = length / 128.0;
        for (int i = 0; i < count; i++)
        {
            int label = i % ClassNames.Length;
            double a = scale * (16 + 16 * random.NextDouble());
            double b = a + scale * (32 + 64 * random.NextDouble());
            double amplitude = 6 + random.NextGaussian();
            var values = new float[length];
            for (int t = 0; t < length; t++)
            {
                double shape = t < a || t > b ? 0 : label switch
                {
                    0 => 1,
                    1 => (t - a) / (b - a),
                    _ => (b - t) / (b - a),
                };
                values[t] = (float)(amplitude * shape + noise * random.NextGaussian());
            }
            samples[i] = new TimeSeriesSample($"{split}-{i}", values, 1, label, new Dictionary<string, string>());
        }
        return new TimeSeriesDataset(samples, classes, new Dictionary<string, string>
        {
            [DatasetMetadata.Source] = "cbf",
            [DatasetMetadata.Name] = $"CBF-{length}",
        });
    }
}
