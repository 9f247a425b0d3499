using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LstmFcn.Plugins.Spectra.Models;

// The paper's comparison models. Their layouts are inferred from its text and made to give exactly its Table 1
// parameter counts for N = 4023 (each count decomposes uniquely enough to pin the layers down; see the README).

/// <summary>1D-FCNN: LayerNorm(N) → [Dense 256, LayerNorm, ReLU] → [Dense 512, LN, ReLU] → [Dense 64, LN, ReLU] → Dense 1 (1 204 335 for N = 4023).</summary>
public sealed class FcnnNetwork : SpectraNetwork
{
    readonly LayerNorm input_norm;
    readonly Sequential layers;

    public FcnnNetwork(int length) : base("fcnn", length)
    {
        input_norm = LayerNorm(length);
        layers = Sequential(
            Linear(length, 256), LayerNorm(256), ReLU(),
            Linear(256, 512), LayerNorm(512), ReLU(),
            Linear(512, 64), LayerNorm(64), ReLU(),
            Linear(64, 1));
        RegisterComponents();
    }

    public override bool IsSequence => false;

    public override Tensor Logits(Tensor spectra, Tensor positions, AttentionCapture? capture)
    {
        using var scope = NewDisposeScope();
        return layers.forward(input_norm.forward(spectra)).view(spectra.shape[0]).MoveToOuterDisposeScope();
    }
}
