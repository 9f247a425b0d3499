using System.Diagnostics;
using System.Globalization;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Forest;

/// <summary>
/// <c>random-forest</c>: Breiman's random forest of CART trees (Gini impurity, bootstrap samples, a random subset of
/// features per split), multi-class, following scikit-learn's RandomForestClassifier. The features are the values of
/// every channel at every time step, so series must have equal length. Logs the out-of-bag accuracy and writes the
/// impurity feature importances to <c>feature-importance.csv</c>.
/// </summary>
public sealed class RandomForestPlugin : IModelPlugin
{
    public string Name => "random-forest";
    public string Description => "Breiman random forest (CART, Gini, bootstrap) on the flattened channel × time values";

    public IReadOnlyList<ParameterSpec> Parameters { get; } = new[]
    {
        ParameterSpec.Int("trees", 100, "number of trees", min: 1, max: 100_000),
        ParameterSpec.Text("max_features", "sqrt",
            "features tried at each split: sqrt, log2, all, a fraction in (0, 1] with a decimal point (0.3), or a whole number (12)"),
        new ParameterSpec("max_depth", ParameterType.Integer, "deepest a tree may grow; unset: until leaves are pure or too small to split")
            { Minimum = 1 },
        ParameterSpec.Int("min_samples_split", 2, "fewest samples a node needs to be split", min: 2),
        ParameterSpec.Int("min_samples_leaf", 1, "fewest samples each side of a split must keep", min: 1),
        ParameterSpec.Choice("class_weight", "none",
            "none; balanced: weight classes by n / (classes × class count); balanced_subsample: the same on each tree's bootstrap sample",
            "none", "balanced", "balanced_subsample"),
        ParameterSpec.Bool("bootstrap", true, "grow each tree on a bootstrap sample (false: on all samples; no out-of-bag score)"),
    };

    public ITrainedModel Fit(TimeSeriesDataset train, PluginArguments args, RunContext context)
    {
        var step = args.StepName;
        var settings = new ForestSettings(
            args.GetInt("trees"),
            MaxFeatures.Parse(args.GetString("max_features"), step),
            args.IsSet("max_depth") ? args.GetInt("max_depth") : null,
            args.GetInt("min_samples_split"),
            args.GetInt("min_samples_leaf"),
            ForestSettings.ParseClassWeight(args.GetString("class_weight")),
            args.GetBool("bootstrap"));
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

    public ITrainedModel Load(string directory, RunContext context) => RandomForestModel.Load(directory);
}
