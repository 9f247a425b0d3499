namespace LstmFcn.Plugins.Spectra.Models;

/// <summary><c>sct-attention</c>: convolutional spatial-channel-temporal attention (Sun et al. 2021).</summary>
public sealed class SctAttentionPlugin : AttentionSpectraPlugin
{
    public override string Name => "sct-attention";
    public override string Description => "Convolutional SCT attention (Sun et al. 2021): spatial + channel attention per spectrum, temporal attention across the sequence";
}
