using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using LstmFcn.Torch;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>The paper's 1×1 "Conv3"/"Conv4" head: LayerNorm over D, 1×1 convolution C → 1, BatchNorm, ReLU → (B, 1, D).</summary>
public sealed class PointwiseReduce : Module<Tensor, Tensor>
{
    readonly LayerNorm norm;
    readonly Conv1d conv;
    readonly HeldScalarBatchNorm1d batchNorm;

    public PointwiseReduce(string name, int channels, int dimension) : base(name)
    {
        norm = LayerNorm(dimension);
        conv = Conv1d(channels, 1, 1);
        batchNorm = new HeldScalarBatchNorm1d(1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return functional.relu(batchNorm.forward(conv.forward(norm.forward(x)))).MoveToOuterDisposeScope();
    }
}
