using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>
/// The SC/SCT spatial attention on (B, C, D) features: Q, K, V, O are D×D projections (nn.MultiheadAttention(256, 2)
/// parameter-for-parameter); the D embedding positions are split into H heads of d_k = D/H positions, and within a
/// head every position attends to every other with the C channels as the features: A_h = softmax(Q_hᵀK_h/√C).
/// The map over all D positions is block-diagonal (256 × 256 for 2 heads of 128). Residual.
/// </summary>
public sealed class SpatialAttention : Module<Tensor, Tensor>
{
    readonly Linear query, key, value, output;
    readonly int _heads;

    public SpatialAttention(string name, int dimension, int heads) : base(name)
    {
        _heads = heads;
        query = Linear(dimension, dimension);
        key = Linear(dimension, dimension);
        value = Linear(dimension, dimension);
        output = Linear(dimension, dimension);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => Attend(x, null);

    public Tensor Attend(Tensor x, AttentionCapture? capture)
    {
        using var scope = NewDisposeScope();
        long b = x.shape[0], c = x.shape[1], d = x.shape[2], dk = d / _heads;
        Tensor Split(Tensor y) => y.view(b, c, _heads, dk).permute(0, 2, 3, 1);                          // (B, H, dk, C)
        var q = Split(query.forward(x));
        var k = Split(key.forward(x));
        var v = Split(value.forward(x));
        var a = functional.softmax(matmul(q, k.transpose(-2, -1)) / Math.Sqrt(c), -1);                   // (B, H, dk, dk)
        var o = matmul(a, v).permute(0, 3, 1, 2).reshape(b, c, d);
        if (capture is not null)
        {
            var mean = a.mean(new long[] { 0 });                                                         // (H, dk, dk)
            var map = zeros(d, d, device: x.device);
            for (int h = 0; h < _heads; h++) map[TensorIndex.Slice(h * dk, (h + 1) * dk), TensorIndex.Slice(h * dk, (h + 1) * dk)] = mean[h];
            capture.Spatial = map.detach().MoveToOuterDisposeScope();
        }
        return (x + output.forward(o)).MoveToOuterDisposeScope();
    }
}
