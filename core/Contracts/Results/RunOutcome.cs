namespace LstmFcn.Pipeline;

/// <summary>Everything a reporter may look at once a run has predicted its test set.</summary>
public sealed record RunOutcome(
    string PipelineName,
    TimeSeriesDataset Train,
    TimeSeriesDataset Test,
    ProbabilityMatrix TestProbabilities,
    ITrainedModel Model,
    TimeSpan FitTime,
    TimeSpan PredictTime)
{
    /// <summary>
    /// The fitted preprocessing and model as one predictor of raw data (what the loader produces), for reporters
    /// that classify more than the test set, e.g. every pixel of a raster cube. Null when the engine gives none.
    /// </summary>
    public ITrainedPipeline? Pipeline { get; init; }

    /// <summary>How <see cref="TestProbabilities"/> were obtained: "holdout" (a test set) or "5-fold cv" (out-of-fold).</summary>
    public string Evaluation { get; init; } = "holdout";
}
