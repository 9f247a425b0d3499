using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using LstmFcn.Torch;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>
/// Multi-scale 1D ResNet (after MSResNet, Wang et al.): stem conv 64×k7 stride 2 + BN + ReLU + MaxPool(3, 2); three
/// streams with kernels 3, 5, 7, each three residual blocks (64, 128, 256 channels, stride 2) and an average pool of
/// 16, 11, 6 (stride 1) that brings the three to one length; the streams are added, flattened and mapped to 1 logit.
/// For N = 4023 this has 2 138 305 parameters, 216 230 fewer than the paper's 2 354 535: the paper does not give
/// the layer that accounts for them (see the README).
/// </summary>
public sealed class MultiScaleResNet : SpectraNetwork
{
    readonly Conv1d stem;
    readonly HeldScalarBatchNorm1d stem_norm;
    readonly ModuleList<Sequential> streams;
    readonly Linear head;
    static readonly (int Kernel, int Pool)[] Scales = { (3, 16), (5, 11), (7, 6) };

    public MultiScaleResNet(int length) : base("resnet", length)
    {
        stem = Conv1d(1, 64, 7, stride: 2, padding: 3, bias: false);
        stem_norm = new HeldScalarBatchNorm1d(64);
        streams = new ModuleList<Sequential>();
        foreach (var (kernel, pool) in Scales)
            streams.Add(Sequential(
                ("block1", new StreamBlock("block1", kernel, 64, 64, 2)),
                ("block2", new StreamBlock("block2", kernel, 64, 128, 2)),
                ("block3", new StreamBlock("block3", kernel, 128, 256, 2)),
                ("pool", AvgPool1d(pool, stride: 1))));
        int n = StreamLength(length);
        if (n < 1) throw new ArgumentException($"spectra of {length} points are too short for the multi-scale ResNet");
        head = Linear(256 * n, 1);
        RegisterComponents();
    }

    public override bool IsSequence => false;

    /// <summary>The common length of the three streams (the shortest, should they differ for this input length).</summary>
    static int StreamLength(int length)
    {
        int x = (length + 6 - 7) / 2 + 1;   // stem
        x = (x + 2 - 3) / 2 + 1;            // max pool 3, stride 2, padding 1
        int shortest = int.MaxValue;
        foreach (var (kernel, pool) in Scales)
        {
            int y = x;
            for (int b = 0; b < 3; b++)
            {
                y = (y + 2 - kernel) / 2 + 1;
                y = y + 2 - kernel + 1;
            }
            shortest = Math.Min(shortest, y - pool + 1);
        }
        return shortest;
    }

    public override Tensor Logits(Tensor spectra, Tensor positions, AttentionCapture? capture)
    {
        using var scope = NewDisposeScope();
        var x = functional.relu(stem_norm.forward(stem.forward(spectra.unsqueeze(1))));
        x = functional.max_pool1d(x, 3, stride: 2, padding: 1);
        Tensor? sum = null;
        long n = head.in_features / 256;
        foreach (var stream in streams)
        {
            var y = stream.forward(x).narrow(2, 0, n);
            sum = sum is null ? y : sum + y;
        }
        return head.forward(sum!.flatten(1)).view(spectra.shape[0]).MoveToOuterDisposeScope();
    }
}
