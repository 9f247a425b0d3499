namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>A finished run: its directory, and the series it scored with their probabilities (null when none).</summary>
public sealed record RunResult(string RunDirectory, TimeSeriesDataset Test, ProbabilityMatrix? Probabilities);
