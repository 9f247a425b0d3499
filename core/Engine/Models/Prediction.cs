namespace LstmFcn.Pipeline.Engine.Models;

/// <summary>
/// What <see cref="FittedPipeline.Predict"/> gives: one prepared series per raw series, their probabilities, the
/// members' probabilities of a composite model (when asked for and available), and how many prepared rows
/// (windows) the model saw.
/// </summary>
public sealed record Prediction(TimeSeriesDataset Series, ProbabilityMatrix Probabilities, IReadOnlyList<MemberPredictions> Members, int PreparedRows);
