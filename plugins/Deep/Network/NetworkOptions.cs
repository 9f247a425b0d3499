namespace LstmFcn.Plugins.Deep.Network;

/// <summary>The architecture of one network; everything needed to rebuild it before loading weights.</summary>
public sealed record NetworkOptions
{
    /// <summary>Saved models from before this field existed are LSTM-FCN family networks: the default.</summary>
    public NetworkArchitecture Architecture { get; init; } = NetworkArchitecture.LstmFcn;
    /// <summary>The shape every LSTM-bearing network takes from its training data and its conv/LSTM options.</summary>
    public static NetworkOptions For(NetworkArchitecture architecture, LstmFcn.Pipeline.TimeSeriesDataset train,
        IReadOnlyList<int> filters, IReadOnlyList<int> kernels, int cells, double dropout) => new()
    {
        Architecture = architecture,
        Channels = train.Channels,
        Length = train.MaxLength,
        Classes = train.Classes.Count,
        Filters = filters.ToArray(),
        Kernels = kernels.ToArray(),
        LstmCells = cells,
        LstmDropout = dropout,
    };

    public int Channels { get; init; }
    public int Length { get; init; }
    public int Classes { get; init; }
    public int[] Filters { get; init; } = { 128, 256, 128 };
    public int[] Kernels { get; init; } = { 8, 5, 3 };
    public int LstmCells { get; init; } = 8;
    public double LstmDropout { get; init; } = 0.8;
    public LstmView View { get; init; } = LstmView.Shuffle;
    public bool Attention { get; init; }
    public bool SqueezeExcitation { get; init; }
    public int SqueezeRatio { get; init; } = 16;
    public bool Residual { get; init; }
    public int HeadUnits { get; init; }
    public double HeadDropout { get; init; } = 0.5;
    /// <summary>CNN-LSTM: max-pooling window (and stride) after each conv block.</summary>
    public int PoolSize { get; init; } = 2;
    /// <summary>Residual CNN: residual blocks after the stem.</summary>
    public int ResidualBlocks { get; init; } = 8;
    /// <summary>Residual CNN: the filter count doubles every this many blocks.</summary>
    public int DoubleEvery { get; init; } = 4;
    /// <summary>Residual CNN: max-pooling by 2 after every this many blocks (0 = none).</summary>
    public int PoolEvery { get; init; } = 1;
    /// <summary>Residual CNN: dropout between a block's two convolutions.</summary>
    public double BlockDropout { get; init; } = 0.2;
    /// <summary>Keras' BatchNormalization defaults as used by the paper: eps 1e-3, momentum 0.99 (PyTorch: 0.01).</summary>
    public double BatchNormEpsilon { get; init; } = 1e-3;
    public double BatchNormMomentum { get; init; } = 0.01;
}
