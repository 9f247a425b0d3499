using System.Text.Json;
using LstmFcn.Pipeline.Engine.Evaluation;
using LstmFcn.Pipeline.Engine.Models;
using LstmFcn.Pipeline.Engine.Outputs;
using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Engine.Plugins;

namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>What the shared tail writes for every strategy: predictions, each member's, and scores.json.</summary>
static class RunOutputs
{
    public static void Write(RunDirectory dir, string pipeline, string evaluation, EvaluationResult result)
    {
        if (result.Scored.Count == 0) return;
        PredictionWriter.WriteCsv(dir, "predictions.csv", result.Scored, result.Probabilities);
        PredictionWriter.WriteParquet(dir, "predictions.parquet", result.Scored, result.Probabilities);
        foreach (var member in result.Members)
            PredictionWriter.WriteCsv(dir, Path.Combine(EnsembleModel.MembersFolder, member.Name, "predictions.csv"), result.Scored, member.Probabilities);
        ScoresFile.Write(dir, pipeline, evaluation, result.Scored, result.Probabilities,
            result.Members.ToDictionary(m => m.Name, m => m.Probabilities), result.FitTime, result.PredictTime,
            result.Kept?.Model);
    }
}
