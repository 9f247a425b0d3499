using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using LstmFcn.Torch;

namespace LstmFcn.Plugins.Spectra.Models;

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
