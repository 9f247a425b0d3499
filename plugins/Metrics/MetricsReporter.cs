using System.Globalization;
using System.Text.Json;
using LstmFcn.Pipeline;
using LstmFcn.Pipeline.Scoring;

namespace LstmFcn.Plugins.Metrics;

/// <summary>
/// <c>metrics</c>: accuracy, error, per-class error (MPCE term), per-class precision/recall/F1, macro-F1 and the
/// confusion matrix of the test predictions; written to <c>metrics.json</c> and shown as tables.
/// </summary>
public sealed class MetricsReporter : IReporterPlugin
{
    public string Name => "metrics";
    public string Description => "accuracy, MPCE, per-class precision/recall/F1, macro-F1, confusion matrix → metrics.json";

    public IReadOnlyList<ParameterSpec> Parameters { get; } = new[]
    {
        ParameterSpec.Text("file", "metrics.json", "name of the JSON file in the run directory"),
        ParameterSpec.Bool("print", true, "show the metric tables on the console"),
    };

    public void Report(RunOutcome outcome, PluginArguments args, RunContext context)
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
            ["test_samples"] = m.Count,
            ["accuracy"] = m.Accuracy,
            ["error"] = m.Error,
            ["per_class_error"] = m.PerClassError,
            ["macro_f1"] = m.MacroF1,
            ["balanced_accuracy"] = m.BalancedAccuracy,
            ["fit_seconds"] = outcome.FitTime.TotalSeconds,
            ["predict_seconds"] = outcome.PredictTime.TotalSeconds,
            ["classes"] = classes.Names.Select((name, c) => new Dictionary<string, object>
            {
                ["name"] = name,
                ["precision"] = m.Precision[c],
                ["recall"] = m.Recall[c],
                ["f1"] = m.F1[c],
                ["support"] = m.Support[c],
            }).ToList(),
            ["confusion_matrix"] = new Dictionary<string, object>
            {
                ["labels"] = classes.Names,
                ["rows_are"] = "true class",
                ["columns_are"] = "predicted class",
                ["counts"] = Enumerable.Range(0, classes.Count)
                    .Select(r => Enumerable.Range(0, classes.Count).Select(c => m.Confusion[r, c]).ToArray()).ToArray(),
            },
        };
        if (outcome.Model.History.Epochs.Count > 0) json["epochs"] = outcome.Model.History.Epochs.Count;
        context.Artifacts.WriteText(args.GetString("file"),
            JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));

        if (!args.GetBool("print")) return;
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
