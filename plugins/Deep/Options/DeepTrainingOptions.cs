using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Deep.Options;

/// <summary>
/// Karim et al.'s training recipe, shared by the deep classifiers: Adam, plateau schedule, class weights, best weights
/// by the monitored loss, then optional fine-tuning rounds, weight averaging, label smoothing and early stopping.
/// Architectures extend it with their own parameters.
/// </summary>
public abstract record DeepTrainingOptions : PluginOptions
{
    [Parameter("if given, choose cells among these by a stratified validation split of the training set (never the test set)", Min = 1, Max = 4096)]
    public IReadOnlyList<int> CellsCandidates { get; init; } = [];

    [Parameter("fraction of the training set held out to choose cells", Min = 0.05, Max = 0.5)]
    public double SelectionSplit { get; init; } = 0.2;

    [Parameter("training epochs", Min = 1, Max = 1_000_000)]
    public int Epochs { get; init; } = 2000;

    [Parameter("mini-batch size", Min = 1, Max = 1_000_000)]
    public int BatchSize { get; init; } = 128;

    [Parameter("Adam's initial learning rate", Min = 1e-8, Max = 1)]
    public double LearningRate { get; init; } = 1e-3;

    [Parameter("learning-rate factor on a plateau (1/∛2)", Min = 0.01, Max = 1)]
    public double LrFactor { get; init; } = 1 / Math.Cbrt(2);

    [Parameter("epochs without improvement before the rate drops", Min = 1, Max = 1_000_000)]
    public int LrPatience { get; init; } = 100;

    [Parameter("lowest learning rate", Min = 0, Max = 1)]
    public double MinLr { get; init; } = 1e-4;

    [Parameter("weight classes n/(k·n_c) in the loss")]
    public bool ClassWeights { get; init; } = true;

    [Parameter("what picks the best weights and drives the schedule: training loss, or the loss of a validation split carved from train")]
    public TrainingMonitor Monitor { get; init; } = TrainingMonitor.Loss;

    [Parameter("fraction of train held out for val_loss (0 = none)", Min = 0, Max = 0.5)]
    public double ValidationSplit { get; init; }

    [Parameter("stop after this many epochs without improvement (0 = never)", Min = 0, Max = 1_000_000)]
    public int EarlyStopping { get; init; }

    [Parameter("fine-tuning rounds K after training (the paper uses 5): LR halved each round, batch every other", Min = 0, Max = 20)]
    public int FinetuneRounds { get; init; }

    [Parameter("epochs per fine-tuning round (0 = as many as training)", Min = 0, Max = 1_000_000)]
    public int FinetuneEpochs { get; init; }

    [Parameter("stochastic weight averaging: keep the mean of the weights of each round's last N epochs instead of the best ones (0 = off)", Min = 0, Max = 1_000_000)]
    public int SwaEpochs { get; init; }

    [Parameter("label smoothing ε of the training loss: targets (1 − ε)·one-hot + ε/k", Min = 0, Max = 0.5)]
    public double LabelSmoothing { get; init; }

    [Parameter("after training, recompute batch-norm statistics exactly on the training set for the kept weights")]
    public bool BnRecalibrate { get; init; } = true;

    [Parameter("epochs between checkpoints (for --resume)", Min = 1, Max = 1_000_000)]
    public int CheckpointEvery { get; init; } = 100;

    /// <summary>The conv blocks' filter counts and kernel sizes (each architecture declares them with its defaults).</summary>
    protected abstract IReadOnlyList<int> ConvFilters { get; }
    protected abstract IReadOnlyList<int> ConvKernels { get; }

    public override IEnumerable<OptionProblem> Validate()
    {
        if (Monitor == TrainingMonitor.ValLoss && ValidationSplit <= 0)
            yield return new("validation_split", "monitor: val_loss needs validation_split > 0 (a part of train; the test set is never used)");
        if (SwaEpochs > 0 && EarlyStopping > 0)
            yield return new("swa_epochs", "swa_epochs averages the last epochs of a fixed-length round; it cannot be combined with early_stopping, which ends a round at an unknown epoch");
        if (SwaEpochs > Epochs)
            yield return new("swa_epochs", $"swa_epochs ({SwaEpochs}) cannot exceed epochs ({Epochs})");
        if (ConvFilters.Count != ConvKernels.Count)
            yield return new("kernels", $"filters and kernels must have the same number of entries (filters has {ConvFilters.Count}, kernels {ConvKernels.Count})");
        if (ConvFilters.Count == 0)
            yield return new("filters", "at least one conv block is needed (filters is empty)");
        if (FinetuneEpochs > 0 && FinetuneRounds == 0)
            yield return new("finetune_epochs", "finetune_epochs sets the length of fine-tuning rounds; set finetune_rounds > 0 too");
    }
}
