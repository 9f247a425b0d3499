namespace LstmFcn.Plugins.Spectra.Models;

/// <summary><c>spectra-transformer</c>: the paper's Transformer encoder.</summary>
public sealed class SpectraTransformerPlugin : ComparisonSpectraPlugin
{
    public override string Name => "spectra-transformer";
    public override string Description => "Transformer baseline of Sun et al. 2021: embedding 256, positional encoding, 2 encoder layers of 8 heads";
}
