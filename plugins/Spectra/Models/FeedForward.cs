using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>Residual position-wise feed-forward: x + W₂·ReLU(W₁·LN(x)), hidden width 2D.</summary>
public sealed class FeedForward : Module<Tensor, Tensor>
{
    readonly LayerNorm norm;
    readonly Linear up, down;

    public FeedForward(string name, int dimension, int hidden) : base(name)
    {
        norm = LayerNorm(dimension);
        up = Linear(dimension, hidden);
        down = Linear(hidden, dimension);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return (x + down.forward(functional.relu(up.forward(norm.forward(x))))).MoveToOuterDisposeScope();
    }
}
