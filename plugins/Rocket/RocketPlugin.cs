using LstmFcn.Rocket;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Rocket;

/// <summary>
/// What the ROCKET-family plugins share: check the training set, fit the transform, transform the training series,
/// fit ridge-CV (or logistic regression for large training sets), log what was chosen and write kernel-importance.csv.
/// </summary>
public abstract class RocketPlugin<TOptions> : ModelPlugin<TOptions> where TOptions : RocketOptions, new()
{
    /// <summary>Per feature group (dilation × kernel, or Hydra group): Σ over classes of |weight| × feature standard deviation.</summary>
    public const string ImportanceFile = "kernel-importance.csv";

    protected abstract IFeatureTransform FitTransform(TimeSeriesDataset train, TOptions options, RunContext context);

    protected override ITrainedModel Fit(TimeSeriesDataset train, TOptions options, RunContext context)
    {
        if (train.Count < 2) throw new InvalidDataException($"{Name}: needs at least two training series, got {train.Count}");
        foreach (var s in train.Samples)
        {
            if (s.Label < 0) throw new InvalidDataException($"{Name}: training series '{s.Id}' has no label");
            if (!float.IsFinite(System.Linq.Enumerable.Sum(s.Values)))
                throw new InvalidDataException($"{Name}: training series '{s.Id}' has missing or infinite values; add a missing-value step before the model");
        }
        var clock = Stopwatch.StartNew();
        var transform = FitTransform(train, options, context);
        var features = transform.Transform(train.Samples, context.WorkerThreads, context.Cancellation);
        double transformSeconds = clock.Elapsed.TotalSeconds;
        int n = train.Count, f = transform.FeatureCount, k = train.Classes.Count;
        LinearModel classifier;
        string chosen;
        if (n > options.LogisticAbove)
        {
            classifier = LogisticRegression.Fit(features, n, f, train.Labels(), k, options.Logistic(),
                context.RandomFor($"{Name}-logistic"), context.WorkerThreads, context.Cancellation);
            chosen = $"logistic regression ({options.LogisticEpochs} epochs; {n} examples > logistic_above {options.LogisticAbove})";
        }
        else
        {
            var ridge = RidgeClassifierCv.Fit(features, n, f, train.Labels(), k, options.Alphas(), context.WorkerThreads, context.Cancellation);
            classifier = ridge.Model;
            chosen = $"ridge, alpha {ridge.Alpha.ToString("G4", CultureInfo.InvariantCulture)} by leave-one-out over {ridge.Alphas.Length} alphas " +
                     $"({(ridge.Dual ? "dual" : "primal")} form), softmax temperature {ridge.Temperature.ToString("G4", CultureInfo.InvariantCulture)} " +
                     "fitted on the leave-one-out scores";
        }
        context.Log.Info($"{Name}: {f} features from {n} series ({transformSeconds:F2} s), {chosen}; " +
                         $"{clock.Elapsed.TotalSeconds:F2} s on {context.WorkerThreads} thread(s)");
        context.Artifacts.WriteText(ImportanceFile, Importance(transform, classifier, features, n));
        return new RocketModel(train.Classes, transform, classifier);
    }

    public override ITrainedModel Load(string directory, RunContext context) => RocketModel.Load(directory);

    static string Importance(IFeatureTransform transform, LinearModel classifier, float[] features, int rows)
    {
        var scaling = FeatureScaling.Of(features, rows, transform.FeatureCount, unitNorm: false);
        var groups = transform.Groups().Select(g =>
        {
            double sum = 0;
            for (int j = g.Start; j < g.Start + g.Count; j++)
                for (int c = 0; c < classifier.Classes; c++) sum += Math.Abs(classifier.Weights[c][j]) * scaling.Scales[j];
            return (g.Group, g.Count, Importance: sum);
        }).OrderByDescending(g => g.Importance).ToList();
        var csv = new StringBuilder("group,features,importance\n");
        foreach (var g in groups)
            csv.Append(g.Group).Append(',').Append(g.Count).Append(',')
               .Append(g.Importance.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        return csv.ToString();
    }
}
