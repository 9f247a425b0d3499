using LstmFcn.Pipeline.Engine.Models;

namespace LstmFcn.Pipeline.Engine.Evaluation;

/// <summary>
/// What a strategy scored: the training data as reporters see it, one row per scored series with its probabilities
/// (test set or out-of-fold), the members' own probabilities for a composite model, the pipeline the run keeps (or
/// null), and the fit and predict times.
/// </summary>
public sealed record EvaluationResult(
    TimeSeriesDataset Train,
    TimeSeriesDataset Scored,
    ProbabilityMatrix Probabilities,
    IReadOnlyList<MemberPredictions> Members,
    FittedPipeline? Kept,
    TimeSpan FitTime,
    TimeSpan PredictTime);
