using System.Globalization;
using System.Text.Json;
using LstmFcn.Pipeline;
using LstmFcn.Pipeline.Scoring;

namespace LstmFcn.Plugins.Metrics;

/// <summary>
/// <c>metrics</c>: accuracy, error, per-class error (MPCE term), per-class precision/recall/F1, macro-F1, Cohen's kappa
/// and the confusion matrix of the test predictions; written to <c>metrics.json</c> and shown as tables. The scores are
/// <see cref="ScoresDocument"/>'s, the same as the engine's scores.json, so the two files cannot disagree.
/// </summary>
public sealed class MetricsReporter : ReporterPlugin<MetricsReporter.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("name of the JSON file in the run directory", Path = PathKind.RunOutput)]
        public string File { get; init; } = "metrics.json";

        [Parameter("show the metric tables on the console")]
        public bool Print { get; init; } = true;

    }

    public override string Name => "metrics";
    public override string Description => "accuracy, MPCE, per-class precision/recall/F1, macro-F1, kappa, confusion matrix → metrics.json";

    protected override void Report(RunOutcome outcome, Options options, RunContext context)
    {
        if (outcome.Test.Count == 0)
        {
            context.Log.Info("metrics: no test series to score (give the loader a test set, or use evaluate: {kfold: 5})");
            return;
        }
        var classes = outcome.TestProbabilities.Classes;
        var m = new ClassificationMetrics(outcome.Test.Labels(), outcome.TestProbabilities.ArgMax(), classes.Count);
        var json = new Dictionary<string, object>
        {
            ["pipeline"] = outcome.PipelineName,
            ["evaluation"] = outcome.Evaluation,
        };
        foreach (var (key, value) in ScoresDocument.Build(m, classes.Names)) json[key] = value;
        json["fit_seconds"] = outcome.FitTime.TotalSeconds;
        json["predict_seconds"] = outcome.PredictTime.TotalSeconds;
        if (outcome.Model.History.Epochs.Count > 0) json["epochs"] = outcome.Model.History.Epochs.Count;
        context.Artifacts.WriteText(options.File, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));

        if (!options.Print) return;
        context.Log.Table($"{outcome.PipelineName}: {(outcome.Evaluation == "holdout" ? "test" : outcome.Evaluation)} metrics", new[] { "metric", "value" }, new[]
        {
            Row("accuracy", m.Accuracy), Row("error", m.Error), Row("per-class error (MPCE term)", m.PerClassError),
            Row("macro F1", m.MacroF1), Row("balanced accuracy", m.BalancedAccuracy),
            new[] { "test series", m.Count.ToString(CultureInfo.InvariantCulture) },
        });
        context.Log.Table("per class", new[] { "class", "precision", "recall", "F1", "support" },
            classes.Names.Select((n, c) => (IReadOnlyList<string>)new[] { n, F(m.Precision[c]), F(m.Recall[c]), F(m.F1[c]), m.Support[c].ToString(CultureInfo.InvariantCulture) }).ToList());
        context.Log.Table("confusion matrix (rows: true, columns: predicted)", new[] { "" }.Concat(classes.Names).ToList(),
            Enumerable.Range(0, classes.Count).Select(r => (IReadOnlyList<string>)new[] { classes[r] }
                .Concat(Enumerable.Range(0, classes.Count).Select(c => m.Confusion[r, c].ToString(CultureInfo.InvariantCulture))).ToList()).ToList());
    }

    static IReadOnlyList<string> Row(string name, double value) => new[] { name, F(value) };
    static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
}
