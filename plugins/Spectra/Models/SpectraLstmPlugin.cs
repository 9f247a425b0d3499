namespace LstmFcn.Plugins.Spectra.Models;

/// <summary><c>spectra-lstm</c>: the paper's LSTM.</summary>
public sealed class SpectraLstmPlugin : ComparisonSpectraPlugin
{
    public override string Name => "spectra-lstm";
    public override string Description => "LSTM baseline of Sun et al. 2021: dense 512 embedding, 2-layer LSTM 512 along the sequence of spectra";
}
