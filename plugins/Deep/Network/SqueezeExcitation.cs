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
        var s = x.mean(new long[] { 2 });
        s = functional.sigmoid(expand.forward(functional.relu(reduce.forward(s))));
        return (x * s.unsqueeze(2)).MoveToOuterDisposeScope();
    }
}
