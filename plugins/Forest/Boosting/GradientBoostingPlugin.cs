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
public sealed class GradientBoostingPlugin : ModelPlugin<GradientBoostingPlugin.Options>
{
    /// <summary>none; balanced: weight samples by n / (classes × class count).</summary>
    public enum ClassWeight { None, Balanced }

    /// <summary>The defaults are scikit-learn's HistGradientBoostingClassifier's (without early stopping, which it too leaves off below 10 000 samples).</summary>
    public sealed record Options : PluginOptions
    {
        [Parameter("boosting iterations (scikit-learn's max_iter); each adds one tree per class", Min = 1, Max = 100_000)]
        public int Iterations { get; init; } = 100;

        [Parameter("shrinkage of every tree's leaf values", Min = 1e-6, Max = 1)]
        public double LearningRate { get; init; } = 0.1;

        [Parameter("most leaves a tree may have (trees grow best-first)", Min = 2, Max = 65_536)]
        public int MaxLeafNodes { get; init; } = 31;

        [Parameter("deepest a tree may grow; unset: limited by max_leaf_nodes only", Min = 1, Max = 100_000)]
        public int? MaxDepth { get; init; }

        [Parameter("fewest training samples a leaf may hold", Min = 1, Max = 100_000_000)]
        public int MinSamplesLeaf { get; init; } = 20;

        [Parameter("L2 penalty on leaf values (added to the hessian sums)", Min = 0, Max = 1e6)]
        public double L2Regularization { get; init; }

        [Parameter("most bins a feature's values are cut into", Min = 2, Max = 255)]
        public int MaxBins { get; init; } = 255;

        [Parameter("none; balanced: weight samples by n / (classes × class count)")]
        public ClassWeight ClassWeight { get; init; } = ClassWeight.None;

        /// <summary>The settings the trainer takes and the saved model records.</summary>
        internal BoostingSettings ToSettings() => new(Iterations, LearningRate, MaxLeafNodes, MaxDepth, MinSamplesLeaf, L2Regularization,
            MaxBins, ClassWeight == ClassWeight.Balanced);
    }

    public override string Name => "gradient-boosting";
    public override string Description => "histogram gradient-boosted trees (softmax; scikit-learn HistGradientBoosting defaults) on the flattened channel × time values";

    protected override ITrainedModel Fit(TimeSeriesDataset train, Options options, RunContext context)
    {
        var step = options.Step;
        var settings = options.ToSettings();
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

    public override ITrainedModel Load(string directory, RunContext context) => GradientBoostingModel.Load(directory);
}
