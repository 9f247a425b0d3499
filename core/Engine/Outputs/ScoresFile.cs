using System.Text.Json;
using LstmFcn.Pipeline.Scoring;

namespace LstmFcn.Pipeline.Engine.Outputs;

/// <summary>
/// <c>scores.json</c>, which the engine writes for every run that scored labelled series, whatever its reporters:
/// what <c>compare</c>, <c>reproduce</c> and <c>bench</c> read (the metrics reporter's metrics.json may be renamed or
/// left out). Holds the scores of <see cref="ScoresDocument"/>, the evaluation, the fit and predict seconds, the number
/// of epochs of an iterative model, what the model chose itself (<see cref="ISelectedSettings"/>) and, for an
/// ensemble, each member's accuracy on the same series.
/// </summary>
public static class ScoresFile
{
    public const string Name = "scores.json";

    public static void Write(IArtifactWriter artifacts, string pipeline, string evaluation, TimeSeriesDataset scored, ProbabilityMatrix probabilities,
        IReadOnlyDictionary<string, ProbabilityMatrix> members, TimeSpan fit, TimeSpan predict, ITrainedModel? model)
    {
        var metrics = new ClassificationMetrics(scored.Labels(), probabilities.ArgMax(), probabilities.Classes.Count);
        if (metrics.Count == 0) return;
        var document = new Dictionary<string, object>
        {
            ["pipeline"] = pipeline,
            ["evaluation"] = evaluation,
        };
        foreach (var (key, value) in ScoresDocument.Build(metrics, probabilities.Classes.Names)) document[key] = value;
        document["fit_seconds"] = fit.TotalSeconds;
        document["predict_seconds"] = predict.TotalSeconds;
        if (model?.History.Epochs.Count is > 0 and var epochs) document["epochs"] = epochs;
        if (model is ISelectedSettings selected) document["selected"] = selected.Selected;
        if (members.Count > 0)
            document["members"] = members.Select(kv => new Dictionary<string, object>
            {
                ["model"] = kv.Key,
                ["accuracy"] = new ClassificationMetrics(scored.Labels(), kv.Value.ArgMax(), kv.Value.Classes.Count).Accuracy,
            }).ToList();
        artifacts.WriteText(Name, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
    }
}
