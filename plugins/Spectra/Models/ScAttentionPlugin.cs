namespace LstmFcn.Plugins.Spectra.Models;

/// <summary><c>sc-attention</c>: SCT without the temporal branch.</summary>
public sealed class ScAttentionPlugin : AttentionSpectraPlugin
{
    public override string Name => "sc-attention";
    public override string Description => "Convolutional SC attention (Sun et al. 2021): SCT without the temporal branch";
}
