using LstmFcn.Pipeline.Scoring;

namespace LstmFcn.Pipeline.Tests.Support;

/// <summary>Real and constructed sample sets for the tree-model specs.</summary>
public static class SitsSamples
{
    /// <summary>The 1 892 labelled sits samples (the given bands) split 4:1 by position: every fifth sample held out.</summary>
    public static (TimeSeriesDataset Train, TimeSeriesDataset Test) Holdout(params string[] bands)
    {
        var loader = Plugins.Loader("sample-table");
        using var temp = new TempFolder();
        var all = loader.Load(Plugins.Arguments(loader,
            ("train", Path.Combine(Repo.Datasets, "sits_mod13q1_sinop", "samples", "samples_mt_4bands_long.csv")),
            ("bands", bands.ToList())), Plugins.Context(temp.Path)).Train;
        return (all.WithSamples(all.Samples.Where((_, i) => i % 5 != 0).ToList()),
                all.WithSamples(all.Samples.Where((_, i) => i % 5 == 0).ToList()));
    }

    /// <summary>Share of <paramref name="data"/> whose most probable class is its label, scored as the metrics reporter scores it.</summary>
    public static double Accuracy(ProbabilityMatrix p, TimeSeriesDataset data) =>
        new ClassificationMetrics(data.Labels(), p.ArgMax(), data.Classes.Count).Accuracy;

    /// <summary>Two overlapping 2-D Gaussian classes: "common" around (0, 0), "rare" around (1.2, 1.2).</summary>
    public static TimeSeriesDataset Gaussians(int common, int rare, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var samples = new List<TimeSeriesSample>();
        for (int i = 0; i < common + rare; i++)
        {
            int label = i < common ? 0 : 1;
            double mean = label == 0 ? 0 : 1.2;
            samples.Add(new TimeSeriesSample($"s{i}", new[] { (float)(mean + Normal()), (float)(mean + Normal()) }, 1, label));
        }
        return new TimeSeriesDataset(samples, new ClassLabels(new[] { "common", "rare" }));
    }
}
