using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using LstmFcn.Torch;

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

/// <summary>
/// CNN: LayerNorm(N) → conv 64×k5 stride 2 → conv 64×k3 stride 2 → conv 4×k3, each + BN + ReLU + MaxPool 2 →
/// flatten → LayerNorm → Dense 1 (23 307 for N = 4023: the flattened 4 × 124 = 496 features fix the two strides).
/// </summary>
public sealed class CnnNetwork : SpectraNetwork
{
    readonly LayerNorm input_norm, flat_norm;
    readonly Sequential convs;
    readonly Linear head;

    public CnnNetwork(int length) : base("cnn", length)
    {
        input_norm = LayerNorm(length);
        convs = Sequential(
            Conv1d(1, 64, 5, stride: 2), new HeldScalarBatchNorm1d(64), ReLU(), MaxPool1d(2),
            Conv1d(64, 64, 3, stride: 2), new HeldScalarBatchNorm1d(64), ReLU(), MaxPool1d(2),
            Conv1d(64, 4, 3), new HeldScalarBatchNorm1d(4), ReLU(), MaxPool1d(2));
        int n = ((length - 5) / 2 + 1) / 2;
        n = ((n - 3) / 2 + 1) / 2;
        n = (n - 2) / 2;
        if (n < 1) throw new ArgumentException($"spectra of {length} points are too short for the CNN");
        flat_norm = LayerNorm(4 * n);
        head = Linear(4 * n, 1);
        RegisterComponents();
    }

    public override bool IsSequence => false;

    public override Tensor Logits(Tensor spectra, Tensor positions, AttentionCapture? capture)
    {
        using var scope = NewDisposeScope();
        var x = convs.forward(input_norm.forward(spectra).unsqueeze(1)).flatten(1);
        return head.forward(flat_norm.forward(x)).view(spectra.shape[0]).MoveToOuterDisposeScope();
    }
}

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

/// <summary>Post-norm Transformer encoder layer: LN(x + MHA(x)), LN(x + FF(x)), FF width = model width, ReLU.</summary>
public sealed class EncoderLayer : Module<Tensor, Tensor>
{
    readonly SelfAttention attention;
    readonly LayerNorm norm1, norm2;
    readonly Linear up, down;

    public EncoderLayer(string name, int dimension, int heads, int hidden) : base(name)
    {
        attention = new SelfAttention("attention", dimension, heads);
        norm1 = LayerNorm(dimension);
        up = Linear(dimension, hidden);
        down = Linear(hidden, dimension);
        norm2 = LayerNorm(dimension);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = norm1.forward(x + attention.forward(x));
        return norm2.forward(y + down.forward(functional.relu(up.forward(y)))).MoveToOuterDisposeScope();
    }
}

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
