namespace LstmFcn.Pipeline;

/// <summary>What a loader returns: a training set and a test set over one class set (test may be empty).</summary>
public sealed record DatasetSplit(TimeSeriesDataset Train, TimeSeriesDataset Test);
