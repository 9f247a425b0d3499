using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>
/// Transformer: LayerNorm(N) → Dense 256 + LayerNorm → positional encoding → 2 post-norm encoder layers (8 heads,
/// feed-forward 256) → Dense 1 (1 830 511 for N = 4023; a final LayerNorm would add 512). Tokens are the spectra of the sequence, as in SCT's temporal branch.
/// </summary>
public sealed class TransformerNetwork : SpectraNetwork
{
    readonly LayerNorm input_norm, embed_norm;
    readonly Linear embed, head;
    readonly ModuleList<EncoderLayer> layers;

    public TransformerNetwork(int length) : base("transformer", length)
    {
        input_norm = LayerNorm(length);
        embed = Linear(length, 256);
        embed_norm = LayerNorm(256);
        layers = new ModuleList<EncoderLayer>(new EncoderLayer("layer1", 256, 8, 256), new EncoderLayer("layer2", 256, 8, 256));
        head = Linear(256, 1);
        RegisterComponents();
    }

    public override bool IsSequence => true;

    public override Tensor Logits(Tensor spectra, Tensor positions, AttentionCapture? capture)
    {
        using var scope = NewDisposeScope();
        var x = embed_norm.forward(embed.forward(input_norm.forward(spectra))) + PositionalEncoding.Of(positions, 256);
        x = x.unsqueeze(0);
        foreach (var layer in layers) x = layer.forward(x);
        return head.forward(x[0]).view(spectra.shape[0]).MoveToOuterDisposeScope();
    }
}
