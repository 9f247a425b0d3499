using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LstmFcn.Plugins.Deep.Network;

/// <summary>
/// Squeeze-and-excitation (Hu et al.) as MLSTM-FCN uses it: global average → Dense(C/r, ReLU) → Dense(C, sigmoid),
/// no biases, He-normal weights; the result rescales each channel.
/// </summary>
public sealed class SqueezeExcitation : Module<Tensor, Tensor>
{
    readonly Linear reduce;
    readonly Linear expand;

    public SqueezeExcitation(string name, int channels, int ratio) : base(name)
    {
        int hidden = Math.Max(1, channels / ratio);
        reduce = Linear(channels, hidden, hasBias: false);
        expand = Linear(hidden, channels, hasBias: false);
        RegisterComponents();
        using (no_grad())
        {
            init.kaiming_normal_(reduce.weight, nonlinearity: init.NonlinearityType.ReLU);
            init.kaiming_normal_(expand.weight, nonlinearity: init.NonlinearityType.ReLU);
        }
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        // (B, C, T) or (B, C, 1, T): average over everything after the channels, rescale each channel.
        var dims = x.dim() == 4 ? new long[] { 2, 3 } : new long[] { 2 };
        var s = x.mean(dims);
        s = functional.sigmoid(expand.forward(functional.relu(reduce.forward(s))));
        var shape = new long[x.dim()];
        Array.Fill(shape, 1L);
        (shape[0], shape[1]) = (x.shape[0], x.shape[1]);
        return (x * s.reshape(shape)).MoveToOuterDisposeScope();
    }
}
