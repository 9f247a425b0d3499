namespace LstmFcn.Pipeline.Scoring;

/// <summary>
/// (Source compiled into the engine and the plugins that score.) The JSON object of a run's scores, as the engine
/// writes it to scores.json and the metrics reporter to metrics.json: accuracy, errors, macro-F1, balanced accuracy,
/// Cohen's kappa, per-class precision/recall/F1/support and the confusion matrix.
/// </summary>
static class ScoresDocument
{
    public static Dictionary<string, object> Build(ClassificationMetrics m, IReadOnlyList<string> classes) => new()
    {
        ["test_samples"] = m.Count,
        ["accuracy"] = m.Accuracy,
        ["error"] = m.Error,
        ["per_class_error"] = m.PerClassError,
        ["macro_f1"] = m.MacroF1,
        ["balanced_accuracy"] = m.BalancedAccuracy,
        ["kappa"] = m.Kappa,
        ["classes"] = classes.Select((name, c) => new Dictionary<string, object>
        {
            ["name"] = name,
            ["precision"] = m.Precision[c],
            ["recall"] = m.Recall[c],
            ["f1"] = m.F1[c],
            ["support"] = m.Support[c],
        }).ToList(),
        ["confusion_matrix"] = new Dictionary<string, object>
        {
            ["labels"] = classes,
            ["rows_are"] = "true class",
            ["columns_are"] = "predicted class",
            ["counts"] = Enumerable.Range(0, classes.Count)
                .Select(r => Enumerable.Range(0, classes.Count).Select(c => m.Confusion[r, c]).ToArray()).ToArray(),
        },
    };
}
