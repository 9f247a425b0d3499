using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using LstmFcn.Torch;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>
/// One residual block of a stream: conv k (stride s, padding 1, no bias) + BN + ReLU, conv k (padding 1) + BN, plus a
/// 1×1 strided projection + BN of the input, cropped to the (shorter, for k &gt; 3) output as in MSResNet; ReLU.
/// </summary>
public sealed class StreamBlock : Module<Tensor, Tensor>
{
    readonly Conv1d conv1, conv2, project;
    readonly HeldScalarBatchNorm1d bn1, bn2, project_norm;

    public StreamBlock(string name, int kernel, int inChannels, int outChannels, int stride) : base(name)
    {
        conv1 = Conv1d(inChannels, outChannels, kernel, stride: stride, padding: 1, bias: false);
        bn1 = new HeldScalarBatchNorm1d(outChannels);
        conv2 = Conv1d(outChannels, outChannels, kernel, padding: 1, bias: false);
        bn2 = new HeldScalarBatchNorm1d(outChannels);
        project = Conv1d(inChannels, outChannels, 1, stride: stride, bias: false);
        project_norm = new HeldScalarBatchNorm1d(outChannels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = bn2.forward(conv2.forward(functional.relu(bn1.forward(conv1.forward(x)))));
        var shortcut = project_norm.forward(project.forward(x));
        shortcut = shortcut.narrow(2, 0, y.shape[2]);
        return functional.relu(y + shortcut).MoveToOuterDisposeScope();
    }
}
