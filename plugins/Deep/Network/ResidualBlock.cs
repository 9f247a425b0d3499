using LstmFcn.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LstmFcn.Plugins.Deep.Network;

/// <summary>
/// One residual block of the Hannun et al. (2019) ECG network: conv → BN → ReLU → dropout → conv → BN, plus the
/// block's input (a 1×1 projection when the filter count changes), ReLU, then max-pooling by 2 when the block
/// subsamples. 'Same' padding, He-uniform weights. Works on (B, C, 1, T) channels-last images like <see cref="ConvBlock"/>.
/// </summary>
public sealed class ResidualBlock : Module<Tensor, Tensor>
{
    readonly Conv1d conv1, conv2;
    readonly HeldScalarBatchNorm1d norm1, norm2;
    readonly Conv1d? projection;
    readonly HeldScalarBatchNorm1d? projectionNorm;
    readonly Dropout dropout;
    readonly long _padLeft, _padRight;
    readonly bool _subsample;

    public ResidualBlock(string name, int inChannels, int outChannels, int kernel, bool subsample, double dropoutRate, NetworkOptions options)
        : base(name)
    {
        _padLeft = (kernel - 1) / 2;
        _padRight = kernel - 1 - _padLeft;
        _subsample = subsample;
        conv1 = Conv1d(inChannels, outChannels, kernel);
        conv2 = Conv1d(outChannels, outChannels, kernel);
        norm1 = new HeldScalarBatchNorm1d(outChannels, eps: options.BatchNormEpsilon, momentum: options.BatchNormMomentum);
        norm2 = new HeldScalarBatchNorm1d(outChannels, eps: options.BatchNormEpsilon, momentum: options.BatchNormMomentum);
        if (inChannels != outChannels)
        {
            projection = Conv1d(inChannels, outChannels, 1);
            projectionNorm = new HeldScalarBatchNorm1d(outChannels, eps: options.BatchNormEpsilon, momentum: options.BatchNormMomentum);
        }
        dropout = Dropout(dropoutRate);
        RegisterComponents();
        using (no_grad())
            foreach (var conv in new[] { conv1, conv2, projection })
                if (conv is not null)
                {
                    init.kaiming_uniform_(conv.weight, nonlinearity: init.NonlinearityType.ReLU);
                    init.zeros_(conv.bias);
                }
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = functional.relu(norm1.Normalise(Same(conv1, x)));
        h = dropout.forward(h);
        h = norm2.Normalise(Same(conv2, h));
        var shortcut = projection is null ? x : projectionNorm!.Normalise(Convolve(projection, x));
        var y = functional.relu(h + shortcut);
        if (_subsample && y.shape[3] >= 2) y = functional.max_pool2d(y, new[] { 1L, 2 }, new[] { 1L, 2 });
        return y.MoveToOuterDisposeScope();
    }

    Tensor Same(Conv1d layer, Tensor image) =>
        Convolve(layer, _padLeft + _padRight > 0 ? functional.pad(image, new[] { _padLeft, _padRight }) : image);

    static Tensor Convolve(Conv1d layer, Tensor image)
    {
        var y = functional.conv2d(image, layer.weight!.unsqueeze(2), layer.bias);
        // A single channel is channels-first and channels-last at once, and libtorch then answers channels-first.
        return y.stride(1) == 1 ? y : y.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);
    }
}
