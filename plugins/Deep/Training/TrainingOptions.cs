namespace LstmFcn.Plugins.Deep.Training;

/// <summary>The paper's recipe by default: Adam 1e-3, LR × 1/∛2 after 100 flat epochs down to 1e-4, 2000 epochs, batch 128.</summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 2000;
    public int BatchSize { get; init; } = 128;
    public double LearningRate { get; init; } = 1e-3;
    public double LearningRateFactor { get; init; } = 1 / Math.Cbrt(2);
    public int LearningRatePatience { get; init; } = 100;
    public double MinLearningRate { get; init; } = 1e-4;
    public bool ClassWeighted { get; init; } = true;
    /// <summary>"loss" (training loss, as the reference code after its leakage fix) or "val_loss".</summary>
    public string Monitor { get; init; } = "loss";
    public double ValidationSplit { get; init; }
    /// <summary>Stop after this many epochs without improvement of the monitored value; 0 = never.</summary>
    public int EarlyStoppingPatience { get; init; }
    public int FineTuneRounds { get; init; }
    public int FineTuneEpochs { get; init; }
    /// <summary>Re-estimate batch-norm statistics exactly for the final weights (see <see cref="BatchNormRecalibration"/>).</summary>
    public bool RecalibrateBatchNorm { get; init; } = true;
    public int CheckpointEvery { get; init; } = 100;
    /// <summary>Keep the mean of the weights of each round's last N epochs instead of the best ones; 0 = off.</summary>
    public int AveragedEpochs { get; init; }
    /// <summary>Targets (1 − ε)·one-hot + ε/k in the training loss; 0 = plain cross-entropy.</summary>
    public double LabelSmoothing { get; init; }
    public int Seed { get; init; } = 42;
}
