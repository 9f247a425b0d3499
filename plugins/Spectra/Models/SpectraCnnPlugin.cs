namespace LstmFcn.Plugins.Spectra.Models;

/// <summary><c>spectra-cnn</c>: the paper's small CNN.</summary>
public sealed class SpectraCnnPlugin : ComparisonSpectraPlugin
{
    public override string Name => "spectra-cnn";
    public override string Description => "CNN baseline of Sun et al. 2021: LayerNorm, conv 64/64/4 with BN+ReLU+MaxPool, LayerNorm + dense";
}
