namespace LstmFcn.Plugins.Deep;

/// <summary><c>alstm-fcn</c>: ALSTM-FCN, the attention-LSTM variant whose attention the <c>attention</c> reporter exports.</summary>
public sealed class AlstmFcnPlugin : LstmFcnFamilyPlugin
{
    protected override bool Attention => true;
    public override string Name => "alstm-fcn";
    public override string Description => "ALSTM-FCN (Karim et al. 2017): FCN branch + attention LSTM (its attention: the attention reporter)";
}
