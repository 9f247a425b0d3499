using System.Diagnostics;
using System.Globalization;
using LstmFcn.Pipeline;
using MaxFeaturesSetting = LstmFcn.Plugins.Forest.MaxFeatures;

namespace LstmFcn.Plugins.Forest;

/// <summary>
/// <c>random-forest</c>: Breiman's random forest of CART trees (Gini impurity, bootstrap samples, a random subset of
/// features per split), multi-class, following scikit-learn's RandomForestClassifier. The features are the values of
/// every channel at every time step, so series must have equal length. Logs the out-of-bag accuracy and writes the
/// impurity feature importances to <c>feature-importance.csv</c>.
/// </summary>
public sealed class RandomForestPlugin : ModelPlugin<RandomForestPlugin.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("number of trees", Min = 1, Max = 100_000)]
        public int Trees { get; init; } = 100;

        [Parameter("features tried at each split: sqrt, log2, all, a fraction in (0, 1] with a decimal point (0.3), or a whole number (12)")]
        public string MaxFeatures { get; init; } = "sqrt";

        [Parameter("deepest a tree may grow; unset: until leaves are pure or too small to split", Min = 1, Max = 100_000)]
        public int? MaxDepth { get; init; }

        [Parameter("fewest samples a node needs to be split", Min = 2, Max = 100_000_000)]
        public int MinSamplesSplit { get; init; } = 2;

        [Parameter("fewest samples each side of a split must keep", Min = 1, Max = 100_000_000)]
        public int MinSamplesLeaf { get; init; } = 1;

        [Parameter("none; balanced: weight classes by n / (classes × class count); balanced_subsample: the same on each tree's bootstrap sample")]
        public ClassWeighting ClassWeight { get; init; } = ClassWeighting.None;

        [Parameter("grow each tree on a bootstrap sample (false: on all samples; no out-of-bag score)")]
        public bool Bootstrap { get; init; } = true;

        public override IEnumerable<OptionProblem> Validate()
        {
            if (MaxFeaturesSetting.TryParse(MaxFeatures) is null) yield return new("max_features", MaxFeaturesSetting.Problem(MaxFeatures));
        }

        /// <summary>The settings the trainer takes (valid options: <see cref="Validate"/> has refused a bad max_features).</summary>
        internal ForestSettings ToSettings() => new(Trees, MaxFeaturesSetting.Parse(MaxFeatures, Step), MaxDepth, MinSamplesSplit,
            MinSamplesLeaf, ClassWeight, Bootstrap);
    }

    public override string Name => "random-forest";
    public override string Description => "Breiman random forest (CART, Gini, bootstrap) on the flattened channel × time values";

    protected override ITrainedModel Fit(TimeSeriesDataset train, Options options, RunContext context)
    {
        var step = options.Step;
        var settings = options.ToSettings();
        var layout = FeatureLayout.Of(train, step);
        var matrix = FeatureMatrix.From(train, layout, step);
        var rows = train.Samples.Select(s => s.Values).ToArray();
        int threads = context.WorkerThreads;

        var clock = Stopwatch.StartNew();
        int done = 0;
        FittedForest fitted;
        using (var bar = context.Progress.Start($"random forest ({settings.Trees} trees)", settings.Trees))
        {
            var gate = new object();
            fitted = ForestTrainer.Fit(matrix, rows, train.Classes.Count, settings, context.Seed, threads, step, context.Cancellation,
                () =>
                {
                    lock (gate) bar.Report(++done);
                });
        }
        var model = new RandomForestModel(fitted.Forest, train.Classes, layout, settings, context.Seed, fitted.TriedFeatures,
            fitted.OutOfBag, fitted.Importances);

        var trees = fitted.Forest.Trees;
        context.Log.Info(
            $"Random forest: {trees.Count} trees on {train.Count} series × {layout.Count} features " +
            $"({fitted.TriedFeatures} tried per split), mean depth {trees.Average(t => t.Depth()):F1}, " +
            $"mean leaves {trees.Average(t => t.LeafCount):F0}; {clock.Elapsed.TotalSeconds:F2} s on {threads} thread(s)");
        if (fitted.OutOfBag is { } oob)
            context.Log.Info($"Out-of-bag accuracy {oob.Accuracy.ToString("F4", CultureInfo.InvariantCulture)} over {oob.Scored} series" +
                             (oob.Unscored > 0 ? $" ({oob.Unscored} were in every tree's sample: use more trees to score them)" : ""));
        FeatureImportance.Record(layout, fitted.Importances, context);
        return model;
    }

    public override ITrainedModel Load(string directory, RunContext context) => RandomForestModel.Load(directory);
}
