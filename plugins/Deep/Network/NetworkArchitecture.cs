namespace LstmFcn.Plugins.Deep.Network;

/// <summary>Which network a <see cref="NetworkOptions"/> describes.</summary>
public enum NetworkArchitecture
{
    /// <summary>LSTM-FCN / ALSTM-FCN and their modern variant: FCN branch beside an LSTM branch.</summary>
    LstmFcn,
    /// <summary>Conv blocks with max-pooling, then an LSTM over the pooled sequence (the ECG seed report's network).</summary>
    CnnLstm,
    /// <summary>1-D residual CNN in the style of Hannun et al. 2019.</summary>
    ResidualCnn,
}
