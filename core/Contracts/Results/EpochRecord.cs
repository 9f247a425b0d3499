namespace LstmFcn.Pipeline;

/// <summary>One epoch's figures; NaN where a figure is not measured (e.g. no validation split).</summary>
public sealed record EpochRecord(int Epoch, double TrainLoss, double TrainAccuracy, double ValidationLoss,
    double ValidationAccuracy, double LearningRate, double Seconds, int Round = 0);
