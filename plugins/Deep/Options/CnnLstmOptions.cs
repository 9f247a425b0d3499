using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Deep.Options;

/// <summary>CNN-LSTM: the ECG seed report's network (conv 32/64, kernel 6, BN, max-pool, LSTM 192), then the recipe.</summary>
public sealed record CnnLstmOptions : DeepTrainingOptions
{
    public CnnLstmOptions() => Epochs = 200;

    [Parameter("LSTM units over the pooled conv features", Min = 1, Max = 4096)]
    public int Cells { get; init; } = 192;

    [Parameter("dropout on the LSTM's last output", Min = 0, Max = 0.99)]
    public double Dropout { get; init; } = 0.5;

    [Parameter("filters of the conv blocks", Min = 1, Max = 4096)]
    public IReadOnlyList<int> Filters { get; init; } = [32, 64];

    [Parameter("kernel sizes of the conv blocks", Min = 1, Max = 1024)]
    public IReadOnlyList<int> Kernels { get; init; } = [6, 6];

    [Parameter("max-pooling window and stride after each conv block (1 = none)", Min = 1, Max = 1024)]
    public int PoolSize { get; init; } = 2;

    protected override IReadOnlyList<int> ConvFilters => Filters;
    protected override IReadOnlyList<int> ConvKernels => Kernels;
}
