using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using LstmFcn.Torch;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>Attention maps of one forward pass, averaged over the batch and heads where noted; null when not computed.</summary>
public sealed class AttentionCapture
{
    /// <summary>(D, D): spatial attention between embedding positions (block-diagonal, one block per head).</summary>
    public Tensor? Spatial { get; set; }
    /// <summary>(C, C): channel attention.</summary>
    public Tensor? Channel { get; set; }
    /// <summary>(L, L): temporal attention between the spectra of the sequence, averaged over heads.</summary>
    public Tensor? Temporal { get; set; }
}

/// <summary>Sinusoidal positional encoding (Vaswani et al.) of arbitrary, possibly non-contiguous, positions.</summary>
static class PositionalEncoding
{
    public static Tensor Of(Tensor positions, int dimension)
    {
        using var scope = NewDisposeScope();
        var pos = positions.to_type(ScalarType.Float32).unsqueeze(1);                                  // (L, 1)
        var i = arange(0, dimension, 2, dtype: ScalarType.Float32, device: positions.device);          // (D/2)
        var frequencies = exp(i * (-Math.Log(10000.0) / dimension)).unsqueeze(0);                       // (1, D/2)
        var angles = pos * frequencies;                                                                 // (L, D/2)
        // Interleave: even columns sin, odd columns cos.
        return stack(new[] { sin(angles), cos(angles) }, 2).reshape(positions.shape[0], dimension).MoveToOuterDisposeScope();
    }
}

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

/// <summary>
/// Channel attention (DANet-style) on (B, C, D): 1×1 convolutions give Q, K, V; A = softmax(QKᵀ/√D) is C × C; the
/// attended values pass a 1×1 output convolution and are scaled by a learned α (starting at 0, so the block begins as
/// the identity) before the residual: x + α·O(AV).
/// </summary>
public sealed class ChannelAttention : Module<Tensor, Tensor>
{
    readonly Conv1d query, key, value, output;
    readonly Parameter alpha;

    public ChannelAttention(string name, int channels) : base(name)
    {
        query = Conv1d(channels, channels, 1);
        key = Conv1d(channels, channels, 1);
        value = Conv1d(channels, channels, 1);
        output = Conv1d(channels, channels, 1);
        alpha = Parameter(zeros(1));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => Attend(x, null);

    public Tensor Attend(Tensor x, AttentionCapture? capture)
    {
        using var scope = NewDisposeScope();
        var q = query.forward(x);
        var k = key.forward(x);
        var v = value.forward(x);
        var a = functional.softmax(matmul(q, k.transpose(1, 2)) / Math.Sqrt(x.shape[2]), -1);           // (B, C, C)
        if (capture is not null) capture.Channel = a.mean(new long[] { 0 }).detach().MoveToOuterDisposeScope();
        return (x + alpha * output.forward(matmul(a, v))).MoveToOuterDisposeScope();
    }
}

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
