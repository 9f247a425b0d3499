using LstmFcn.Pipeline;
using LstmFcn.Plugins.Deep.Network;
using LstmFcn.Plugins.Deep.Options;

namespace LstmFcn.Plugins.Deep;

/// <summary>
/// <c>ecg-residual-cnn</c>: a 1-D residual CNN on the raw signal in the style of Hannun et al. 2019 (stem, residual
/// blocks with filters doubling and the time axis halving, global average pooling), sized by default for a CPU.
/// </summary>
public sealed class ResidualCnnPlugin : DeepClassifierPlugin<ResidualCnnOptions>
{
    public override string Name => "ecg-residual-cnn";
    public override string Description => "1-D residual CNN (Hannun et al. 2019 style): conv stem, residual blocks doubling filters and halving time, global average pool";
    protected override int CellsOf(ResidualCnnOptions options) => 0;

    protected override NetworkOptions NetworkFor(ResidualCnnOptions o, TimeSeriesDataset train, int cells) => new()
    {
        Architecture = NetworkArchitecture.ResidualCnn,
        Channels = train.Channels,
        Length = train.MaxLength,
        Classes = train.Classes.Count,
        Filters = new[] { o.Filters },
        Kernels = new[] { o.Kernel },
        LstmCells = 0,
        ResidualBlocks = o.Blocks,
        DoubleEvery = o.DoubleEvery,
        PoolEvery = o.PoolEvery,
        BlockDropout = o.Dropout,
        HeadDropout = o.HeadDropout,
    };
}
