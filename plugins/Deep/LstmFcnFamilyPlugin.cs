using LstmFcn.Pipeline;
using LstmFcn.Plugins.Deep.Network;
using LstmFcn.Plugins.Deep.Options;

namespace LstmFcn.Plugins.Deep;

/// <summary>LSTM-FCN and ALSTM-FCN differ only in the recurrent cell.</summary>
public abstract class LstmFcnFamilyPlugin : DeepClassifierPlugin<LstmFcnOptions>
{
    protected abstract bool Attention { get; }
    protected override int CellsOf(LstmFcnOptions options) => options.Cells;

    protected override NetworkOptions NetworkFor(LstmFcnOptions o, TimeSeriesDataset train, int cells) =>
        NetworkOptions.For(NetworkArchitecture.LstmFcn, train, o.Filters, o.Kernels, cells, o.Dropout) with
    {
        View = o.LstmView,
        Attention = Attention,
        SqueezeExcitation = o.Se,
        SqueezeRatio = o.SeRatio,
        Residual = o.Residual,
        HeadUnits = o.HeadUnits,
        HeadDropout = o.HeadDropout,
    };
}
