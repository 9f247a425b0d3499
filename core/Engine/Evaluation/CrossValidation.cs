using System.Text.Json;
using LstmFcn.Pipeline.Engine.Models;
using LstmFcn.Pipeline.Engine.Outputs;

namespace LstmFcn.Pipeline.Engine.Evaluation;

/// <summary>
/// K-fold stratified cross-validation over the loader's train and test sets pooled: every series is predicted by a
/// pipeline (preprocessing and model) fitted without it; a composite model's members are scored on the same folds.
/// With <paramref name="finalFit"/> one more pipeline is fitted on everything and kept. Writes cross-validation.json
/// (folds, per-fold accuracy, members, the assignment) and each fold's history under folds/fold-N/.
/// </summary>
public sealed class CrossValidation(int folds, bool finalFit) : IEvaluationStrategy
{
    public string Name => $"{folds}-fold cv";

    public EvaluationResult Evaluate(EvaluationInput input)
    {
        var (context, log) = (input.Context, input.Log);
        var split = input.Data;
        var all = split.Test.Count == 0 ? split.Train
            : split.Train.WithSamples(split.Train.Samples.Concat(split.Test.Samples).ToList());
        var labels = all.Labels();
        if (Array.IndexOf(labels, TimeSeriesSample.Unlabelled) is var u and >= 0)
            throw new InvalidDataException($"cross-validation needs labelled series; '{all.Samples[u].Id}' has no label");
        // The fold of every series comes from the run seed alone (Random(seed), unchanged since cross-validation was
        // added, so every committed figure reruns with the same folds).
        var assignment = StratifiedFolds.Assign(labels, folds, context.Seed);
        int k = all.Classes.Count;
        var outOfFold = new float[all.Count * k];
        float[][]? memberOutOfFold = null;
        IReadOnlyList<string> memberNames = [];
        var foldRows = new List<Dictionary<string, object>>();
        log.Info($"{folds}-fold stratified cross-validation over {all.Count} series");

        for (int f = 0; f < folds; f++)
        {
            var trainIdx = new List<int>();
            var heldIdx = new List<int>();
            for (int i = 0; i < assignment.Length; i++) (assignment[i] == f ? heldIdx : trainIdx).Add(i);
            var foldTrain = all.WithSamples(trainIdx.Select(i => all.Samples[i]).ToList());
            var foldHeld = all.WithSamples(heldIdx.Select(i => all.Samples[i]).ToList());
            // Fold f's plugins see seed + f + 1 (kept for the same reason as the folds).
            var foldContext = context.InFolder(Path.Combine(context.RunDirectory, "folds", $"fold-{f + 1}"), context.Seed + f + 1);
            log.Info($"Fold {f + 1}/{folds}: fitting on {foldTrain.Count}, predicting {foldHeld.Count}");
            using (var pipeline = input.Source.Obtain(foldTrain, foldContext, log))
            {
                input.Timings.Lap($"fold_{f + 1}_fit_s");
                var prediction = pipeline.Predict(foldHeld, foldContext, withMembers: true);
                if (prediction.PreparedRows != foldHeld.Count)
                    log.Info($"Fold {f + 1}/{folds}: averaged {prediction.PreparedRows} windows into {prediction.Series.Count} series");
                Scatter(prediction.Probabilities, heldIdx, outOfFold);
                if (prediction.Members.Count > 0)
                {
                    memberNames = prediction.Members.Select(m => m.Name).ToList();
                    memberOutOfFold ??= prediction.Members.Select(_ => new float[all.Count * k]).ToArray();
                    for (int m = 0; m < prediction.Members.Count; m++) Scatter(prediction.Members[m].Probabilities, heldIdx, memberOutOfFold[m]);
                }
                double accuracy = Accuracy(prediction.Probabilities, foldHeld);
                foldRows.Add(new() { ["fold"] = f + 1, ["train"] = foldTrain.Count, ["held_out"] = heldIdx.Count, ["accuracy"] = Math.Round(accuracy, 6) });
                log.Info($"Fold {f + 1}/{folds}: accuracy {accuracy:F4}");
                if (pipeline.Model.History.Epochs.Count > 0) HistoryWriter.Write(foldContext.Artifacts, "history.csv", pipeline.Model.History);
            }
            context.Cancellation.ThrowIfCancellationRequested();
        }
        var cvSeconds = input.Timings.Lap("cv_s");

        var scored = new ProbabilityMatrix(outOfFold, all.Count, all.Classes);
        var members = memberNames.Select((name, m) => new MemberPredictions(name, new ProbabilityMatrix(memberOutOfFold![m], all.Count, all.Classes))).ToList();
        WriteSummary(context, all, assignment, foldRows, members);

        FittedPipeline? kept = null;
        if (finalFit)
        {
            kept = input.Source.Obtain(all, context, log);
            input.Timings.Lap("fit_s");
            input.Keep(kept);
        }
        return new EvaluationResult(all, all, scored, members, kept, TimeSpan.FromSeconds(cvSeconds), TimeSpan.Zero);
    }

    void WriteSummary(RunContext context, TimeSeriesDataset all, int[] assignment, List<Dictionary<string, object>> foldRows,
        IReadOnlyList<MemberPredictions> members)
    {
        var accuracies = foldRows.Select(r => (double)r["accuracy"]).ToArray();
        double mean = accuracies.Average();
        double sd = Math.Sqrt(accuracies.Sum(a => (a - mean) * (a - mean)) / Math.Max(1, accuracies.Length - 1));
        var memberRows = members.Select(m =>
        {
            double accuracy = Accuracy(m.Probabilities, all);
            context.Log.Info($"Ensemble model {m.Name} alone: out-of-fold accuracy {accuracy:F4} ({EnsembleModel.MembersFolder}/{m.Name}/predictions.csv)");
            return new Dictionary<string, object> { ["model"] = m.Name, ["accuracy"] = Math.Round(accuracy, 6) };
        }).ToList();
        context.Artifacts.WriteText("cross-validation.json", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["kfold"] = folds,
            ["seed"] = context.Seed,
            ["samples"] = all.Count,
            ["fold_accuracy_mean"] = Math.Round(mean, 6),
            ["fold_accuracy_sd"] = Math.Round(sd, 6),
            ["folds"] = foldRows,
            ["ensemble_members"] = memberRows,
            ["assignment"] = all.Samples.Select((s, i) => new Dictionary<string, object> { ["id"] = s.Id, ["fold"] = assignment[i] + 1 }).ToList(),
        }, new JsonSerializerOptions { WriteIndented = true }));
        context.Log.Info($"Cross-validation: fold accuracy {mean:F4} ± {sd:F4}");
    }

    /// <summary>Row r of <paramref name="rows"/> becomes row at[r] of the row-major <paramref name="target"/>.</summary>
    static void Scatter(ProbabilityMatrix rows, List<int> at, float[] target)
    {
        int k = rows.Classes.Count;
        for (int r = 0; r < at.Count; r++) rows.Row(r).CopyTo(target.AsSpan(at[r] * k, k));
    }

    static double Accuracy(ProbabilityMatrix probabilities, TimeSeriesDataset data)
    {
        var predicted = probabilities.ArgMax();
        int correct = 0;
        for (int i = 0; i < predicted.Length; i++) if (predicted[i] == data.Samples[i].Label) correct++;
        return correct / (double)predicted.Length;
    }
}
