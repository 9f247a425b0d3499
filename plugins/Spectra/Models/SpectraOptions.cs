using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>The spectra networks' parameters: Sun et al.'s Adam settings (their comparison models' learning rate and decay).</summary>
public record SpectraOptions : PluginOptions
{
    [Parameter("passes over the training set", Min = 0, Max = 1_000_000)]
    public int Epochs { get; init; } = 30;

    [Parameter("Adam learning rate", Min = 0, Max = 1)]
    public double LearningRate { get; init; } = 2e-3;

    [Parameter("Adam weight decay (L2)", Min = 0, Max = 1)]
    public double WeightDecay { get; init; } = 2e-5;

    [Parameter("spectra per step for non-sequence networks (sequence networks take one sequence per step)", Min = 1, Max = 1_000_000)]
    public int BatchSize { get; init; } = 32;

    [Parameter("positional encoding of sequence networks: order within the sequence (the paper) or the loader's experiment index")]
    public SpectraPositions Positions { get; init; } = SpectraPositions.Sequence;

    [Parameter("epochs between checkpoints (for --resume)", Min = 1, Max = 1_000_000)]
    public int CheckpointEvery { get; init; } = 10;
}
