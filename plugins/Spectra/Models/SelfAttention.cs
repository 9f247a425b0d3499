using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>
/// Standard multi-head self-attention over the tokens of (B, T, D): four D×D projections with bias, H heads of
/// D/H, softmax(QKᵀ/√(D/H))V. Written out (rather than nn.MultiheadAttention) so the attention map is at hand.
/// </summary>
public sealed class SelfAttention : Module<Tensor, Tensor>
{
    readonly Linear query, key, value, output;
    readonly int _heads;

    public SelfAttention(string name, int dimension, int heads) : base(name)
    {
        if (dimension % heads != 0) throw new ArgumentException($"{dimension} is not divisible into {heads} heads");
        _heads = heads;
        query = Linear(dimension, dimension);
        key = Linear(dimension, dimension);
        value = Linear(dimension, dimension);
        output = Linear(dimension, dimension);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => Attend(x, out _);

    /// <summary>The attended values (B, T, D) and the attention (B, H, T, T).</summary>
    public Tensor Attend(Tensor x, out Tensor attention)
    {
        using var scope = NewDisposeScope();
        long b = x.shape[0], t = x.shape[1], d = x.shape[2], dk = d / _heads;
        Tensor Split(Tensor y) => y.view(b, t, _heads, dk).transpose(1, 2);                             // (B, H, T, dk)
        var q = Split(query.forward(x));
        var k = Split(key.forward(x));
        var v = Split(value.forward(x));
        var a = functional.softmax(matmul(q, k.transpose(-2, -1)) / Math.Sqrt(dk), -1);
        var o = matmul(a, v).transpose(1, 2).reshape(b, t, d);
        attention = a.MoveToOuterDisposeScope();
        return output.forward(o).MoveToOuterDisposeScope();
    }
}
