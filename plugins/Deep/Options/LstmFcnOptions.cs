using LstmFcn.Pipeline;
using LstmFcn.Plugins.Deep.Network;

namespace LstmFcn.Plugins.Deep.Options;

/// <summary>LSTM-FCN / ALSTM-FCN: the architecture (paper defaults), then the training recipe.</summary>
public sealed record LstmFcnOptions : DeepTrainingOptions
{
    [Parameter("LSTM cells (the paper uses 8, 64 or 128)", Min = 1, Max = 4096)]
    public int Cells { get; init; } = 8;

    [Parameter("dropout on the LSTM output", Min = 0, Max = 0.99)]
    public double Dropout { get; init; } = 0.8;

    [Parameter("shuffle: one step of all C·T values (the paper's dimension shuffle); temporal: T steps of C values")]
    public LstmView LstmView { get; init; } = LstmView.Shuffle;

    [Parameter("filters of the conv blocks", Min = 1, Max = 4096)]
    public IReadOnlyList<int> Filters { get; init; } = [128, 256, 128];

    [Parameter("kernel sizes of the conv blocks", Min = 1, Max = 1024)]
    public IReadOnlyList<int> Kernels { get; init; } = [8, 5, 3];

    [Parameter("squeeze-excitation after each conv block (MLSTM-FCN / modern variant)")]
    public bool Se { get; init; }

    [Parameter("squeeze-excitation reduction ratio r", Min = 1, Max = 4096)]
    public int SeRatio { get; init; } = 16;

    [Parameter("residual links around conv blocks (1×1 projections where channels change)")]
    public bool Residual { get; init; }

    [Parameter("units of a ReLU+BN+dropout dense layer before the output (modern variant: 512); 0 = none", Min = 0, Max = 65536)]
    public int HeadUnits { get; init; }

    [Parameter("dropout of the dense head", Min = 0, Max = 0.99)]
    public double HeadDropout { get; init; } = 0.5;

    protected override IReadOnlyList<int> ConvFilters => Filters;
    protected override IReadOnlyList<int> ConvKernels => Kernels;
}
