using static TorchSharp.torch;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>Attention maps of one forward pass, averaged over the batch and heads where noted; null when not computed.</summary>
public sealed class AttentionCapture
{
    /// <summary>(D, D): spatial attention between embedding positions (block-diagonal, one block per head).</summary>
    public Tensor? Spatial { get; set; }
    /// <summary>(C, C): channel attention.</summary>
    public Tensor? Channel { get; set; }
    /// <summary>(L, L): temporal attention between the spectra of the sequence, averaged over heads.</summary>
    public Tensor? Temporal { get; set; }
}
