using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LstmFcn.Plugins.Spectra.Models;

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
