using LstmFcn.Pipeline;
using LstmFcn.Plugins.Deep.Network;
using LstmFcn.Plugins.Deep.Options;

namespace LstmFcn.Plugins.Deep;

/// <summary><c>cnn-lstm</c>: conv blocks with max-pooling, then an LSTM over time (the ECG seed report's network).</summary>
public sealed class CnnLstmPlugin : DeepClassifierPlugin<CnnLstmOptions>
{
    public override string Name => "cnn-lstm";
    public override string Description => "CNN-LSTM: conv + BN + max-pool blocks, then an LSTM over the pooled sequence (the ECG seed report's network)";
    protected override int CellsOf(CnnLstmOptions options) => options.Cells;

    protected override NetworkOptions NetworkFor(CnnLstmOptions o, TimeSeriesDataset train, int cells)
    {
        var options = NetworkOptions.For(NetworkArchitecture.CnnLstm, train, o.Filters, o.Kernels, cells, o.Dropout) with { PoolSize = o.PoolSize };
        if (CnnLstmNetwork.PooledLength(options) < 1)
            throw new InvalidDataException($"{o.Step}: {train.MaxLength} time steps, divided by pool_size {options.PoolSize} after each of " +
                                           $"{options.Filters.Length} conv blocks, leave no step for the LSTM; use fewer filters entries or a smaller pool_size");
        return options;
    }
}
