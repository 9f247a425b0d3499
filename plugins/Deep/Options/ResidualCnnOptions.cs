using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Deep.Options;

/// <summary>
/// The residual CNN (Hannun et al. 2019 style), sized by default for 2 CPU cores (8 blocks of 16→32 filters, kernel
/// 15, halving the time axis every block), then the training recipe with a short schedule.
/// </summary>
public sealed record ResidualCnnOptions : DeepTrainingOptions
{
    public ResidualCnnOptions()
    {
        Epochs = 30;
        BatchSize = 64;
        LrPatience = 4;
        MinLr = 1e-5;
        CheckpointEvery = 5;
    }

    [Parameter("filters of the stem and the first blocks (Hannun: 32)", Min = 1, Max = 4096)]
    public int Filters { get; init; } = 16;

    [Parameter("kernel size of every convolution (Hannun: 16)", Min = 1, Max = 1024)]
    public int Kernel { get; init; } = 15;

    [Parameter("residual blocks (Hannun: 16, i.e. 33 conv layers with the stem)", Min = 1, Max = 64)]
    public int Blocks { get; init; } = 8;

    [Parameter("the filter count doubles every this many blocks (Hannun: 4)", Min = 1, Max = 64)]
    public int DoubleEvery { get; init; } = 4;

    [Parameter("the time axis is halved after every this many blocks (Hannun: 2; 0 = never)", Min = 0, Max = 64)]
    public int PoolEvery { get; init; } = 1;

    [Parameter("dropout between the two convolutions of a block", Min = 0, Max = 0.99)]
    public double Dropout { get; init; } = 0.2;

    [Parameter("dropout before the output layer", Min = 0, Max = 0.99)]
    public double HeadDropout { get; init; } = 0.2;

    protected override IReadOnlyList<int> ConvFilters => [Filters];
    protected override IReadOnlyList<int> ConvKernels => [Kernel];

    public override IEnumerable<OptionProblem> Validate()
    {
        foreach (var p in base.Validate()) yield return p;
        if (CellsCandidates.Count > 0) yield return new("cells_candidates", "the residual CNN has no LSTM cells to choose");
        if (Filters << ((Blocks - 1) / DoubleEvery) > 4096)
            yield return new("filters", $"filters {Filters} doubled every {DoubleEvery} of {Blocks} blocks exceeds 4096 filters");
    }
}
