using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>
/// LSTM: LayerNorm(N) → Dense 512 + LayerNorm + ReLU → 2-layer LSTM(512) → LayerNorm → Dense 1 (6 273 391 for N = 4023
/// with PyTorch's two bias vectors per gate). The LSTM runs along the sequence of spectra (the dataset order), one
/// spectrum per step — what a PyTorch LSTM does with an unbatched (L, 512) input.
/// </summary>
public sealed class LstmNetwork : SpectraNetwork
{
    readonly LayerNorm input_norm, embed_norm, output_norm;
    readonly Linear embed, head;
    readonly LSTM lstm;

    public LstmNetwork(int length) : base("lstm", length)
    {
        input_norm = LayerNorm(length);
        embed = Linear(length, 512);
        embed_norm = LayerNorm(512);
        lstm = LSTM(512, 512, numLayers: 2, batchFirst: true);
        output_norm = LayerNorm(512);
        head = Linear(512, 1);
        RegisterComponents();
    }

    public override bool IsSequence => true;

    public override Tensor Logits(Tensor spectra, Tensor positions, AttentionCapture? capture)
    {
        using var scope = NewDisposeScope();
        var x = functional.relu(embed_norm.forward(embed.forward(input_norm.forward(spectra)))).unsqueeze(0);  // (1, L, 512)
        var (outputs, _, _) = lstm.forward(x);
        return head.forward(output_norm.forward(outputs[0])).view(spectra.shape[0]).MoveToOuterDisposeScope();
    }
}
