using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LstmFcn.Plugins.Spectra.Models;

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
