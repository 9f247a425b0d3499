using System.Diagnostics;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Forest.Boosting;

/// <summary>
/// <c>gradient-boosting</c>: histogram gradient-boosted trees for several classes (softmax cross-entropy), following
/// scikit-learn's HistGradientBoostingClassifier: values binned into at most 255 quantile bins, best-first trees of at
/// most 31 leaves, one tree per class per iteration. Features are the values of every channel at every time step, as
/// for the random forest. Writes the split-gain importances to <c>feature-importance.csv</c> and the training loss per
/// iteration to the run's history.
/// </summary>
public sealed class GradientBoostingPlugin : IModelPlugin
{
    public string Name => "gradient-boosting";
    public string Description => "histogram gradient-boosted trees (softmax; scikit-learn HistGradientBoosting defaults) on the flattened channel × time values";

    public IReadOnlyList<ParameterSpec> Parameters { get; } = new[]
    {
        ParameterSpec.Int("iterations", 100, "boosting iterations (scikit-learn's max_iter); each adds one tree per class", min: 1, max: 100_000),
        ParameterSpec.Number("learning_rate", 0.1, "shrinkage of every tree's leaf values", min: 1e-6, max: 1),
        ParameterSpec.Int("max_leaf_nodes", 31, "most leaves a tree may have (trees grow best-first)", min: 2, max: 65_536),
        new ParameterSpec("max_depth", ParameterType.Integer, "deepest a tree may grow; unset: limited by max_leaf_nodes only") { Minimum = 1 },
        ParameterSpec.Int("min_samples_leaf", 20, "fewest training samples a leaf may hold", min: 1),
        ParameterSpec.Number("l2_regularization", 0, "L2 penalty on leaf values (added to the hessian sums)", min: 0),
        ParameterSpec.Int("max_bins", 255, "most bins a feature's values are cut into", min: 2, max: 255),
        ParameterSpec.Choice("class_weight", "none", "none; balanced: weight samples by n / (classes × class count)", "none", "balanced"),
    };

    public ITrainedModel Fit(TimeSeriesDataset train, PluginArguments args, RunContext context)
    {
        var step = args.StepName;
        var settings = new BoostingSettings(
            args.GetInt("iterations"),
            args.GetDouble("learning_rate"),
            args.GetInt("max_leaf_nodes"),
            args.IsSet("max_depth") ? args.GetInt("max_depth") : null,
            args.GetInt("min_samples_leaf"),
            args.GetDouble("l2_regularization"),
            args.GetInt("max_bins"),
            args.GetString("class_weight") == "balanced");
        if (train.Classes.Count < 2)
            throw new InvalidDataException($"{step}: the training set has {train.Classes.Count} class; boosting needs at least 2");
        var layout = FeatureLayout.Of(train, step);
        var matrix = FeatureMatrix.From(train, layout, step);
        int threads = context.WorkerThreads;

        var clock = Stopwatch.StartNew();
        var history = new TrainingHistory();
        FittedBoosting fitted;
        using (var bar = context.Progress.Start($"gradient boosting ({settings.Iterations} iterations × {train.Classes.Count} classes)", settings.Iterations))
        {
            fitted = GradientBoostingTrainer.Fit(matrix, train.Classes.Count, settings, threads, context.Cancellation,
                (iteration, loss, accuracy) =>
                {
                    history.Add(new EpochRecord(iteration, loss, accuracy, double.NaN, double.NaN, settings.LearningRate,
                        clock.Elapsed.TotalSeconds));
                    bar.Report(iteration, $"loss {loss:F4} acc {accuracy:F3}");
                });
        }
        var model = new GradientBoostingModel(fitted.Ensemble, train.Classes, layout, settings, fitted.Importances, history);

        var trees = fitted.Ensemble.Trees.SelectMany(t => t).ToList();
        var last = history.Epochs[^1];
        context.Log.Info(
            $"Gradient boosting: {settings.Iterations} iterations × {train.Classes.Count} classes on {train.Count} series × {layout.Count} features, " +
            $"mean leaves {trees.Average(t => t.LeafValues.Length):F1}; training loss {last.TrainLoss:G4}, accuracy {last.TrainAccuracy:F4}; " +
            $"{clock.Elapsed.TotalSeconds:F2} s on {threads} thread(s)");
        FeatureImportance.Record(layout, fitted.Importances, context, "share of split gain");
        return model;
    }

    public ITrainedModel Load(string directory, RunContext context) => GradientBoostingModel.Load(directory);
}
