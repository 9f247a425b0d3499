namespace LstmFcn.Torch;

/// <summary>
/// How <see cref="NetworkTrainer"/> trains: Adam (with optional weight decay) for <see cref="Epochs"/>, a plateau
/// schedule (a factor of 1 keeps the rate constant), the weights it keeps (the best by the monitored loss, or the
/// last), early stopping, fine-tuning rounds, weight averaging and checkpoints. Defaults are Karim et al.'s recipe.
/// </summary>
public sealed record TrainingSettings
{
    public int Epochs { get; init; } = 2000;
    public int BatchSize { get; init; } = 128;
    public double LearningRate { get; init; } = 1e-3;
    public double WeightDecay { get; init; }
    public double LearningRateFactor { get; init; } = 1 / Math.Cbrt(2);
    public int LearningRatePatience { get; init; } = 100;
    public double MinLearningRate { get; init; } = 1e-4;
    /// <summary>Keep the weights of the epoch with the lowest monitored loss (true) or those of the last epoch.</summary>
    public bool KeepBest { get; init; } = true;
    /// <summary>Monitor the validation loss (a validation set is then required) instead of the training loss.</summary>
    public bool MonitorValidation { get; init; }
    /// <summary>Stop after this many epochs without improvement of the monitored value; 0 = never.</summary>
    public int EarlyStoppingPatience { get; init; }
    public int FineTuneRounds { get; init; }
    public int FineTuneEpochs { get; init; }
    /// <summary>Keep the mean of the weights of each round's last N epochs instead of the best ones; 0 = off.</summary>
    public int AveragedEpochs { get; init; }
    public int CheckpointEvery { get; init; } = 100;
    /// <summary>The seed of the batch order (see <see cref="ITrainingBatches"/>).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>What is monitored, for logs.</summary>
    public string MonitorName => MonitorValidation ? "val_loss" : "loss";
}
