namespace LstmFcn.Plugins.Spectra.Models;

/// <summary><c>spectra-fcnn</c>: the paper's 1D fully connected network.</summary>
public sealed class SpectraFcnnPlugin : ComparisonSpectraPlugin
{
    public override string Name => "spectra-fcnn";
    public override string Description => "1D-FCNN baseline of Sun et al. 2021: dense 256-512-64 with LayerNorm";
}
