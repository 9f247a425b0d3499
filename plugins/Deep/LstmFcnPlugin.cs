namespace LstmFcn.Plugins.Deep;

/// <summary><c>lstm-fcn</c>: LSTM-FCN (Karim et al. 2017); with se/residual/head_units, the modern variant (MLSTM-FCN style).</summary>
public sealed class LstmFcnPlugin : LstmFcnFamilyPlugin
{
    protected override bool Attention => false;
    public override string Name => "lstm-fcn";
    public override string Description => "LSTM-FCN (Karim et al. 2017): FCN branch + LSTM on the dimension-shuffled series";
}
