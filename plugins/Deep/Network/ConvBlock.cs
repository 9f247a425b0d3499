using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using LstmFcn.Torch;

namespace LstmFcn.Plugins.Deep.Network;

/// <summary>
/// Conv1d → BatchNorm → ReLU with TensorFlow's 'same' padding (for even kernels the extra zero goes on the right),
/// He-uniform weights and zero bias as in the Keras reference. Optionally squeeze-excitation after the activation and
/// a residual link (1×1 projection when the channel count changes) added before it.
/// <para>
/// The parameters are a Conv1d's and a BatchNorm1d's, but the block computes on (B, C, 1, T) images in channels-last
/// layout (<see cref="ToImage"/>): libtorch makes every 3-D convolution input channels-first, which is not oneDNN's
/// native layout and costs a reorder per call, and its batch norm is twice as fast over channels-last data. Measured
/// on GunPoint, a training step of the FCN branch is 12 % faster.
/// </para>
/// </summary>
public sealed class ConvBlock : Module<Tensor, Tensor>
{
    readonly Conv1d conv;
    readonly HeldScalarBatchNorm1d norm;
    readonly SqueezeExcitation? squeeze;
    readonly Conv1d? shortcut;
    readonly HeldScalarBatchNorm1d? shortcutNorm;
    readonly long _padLeft, _padRight, _convPadding;
    readonly bool _identityShortcut;

    public ConvBlock(string name, int inChannels, int outChannels, int kernel, NetworkOptions options) : base(name)
    {
        // Odd kernels: symmetric padding inside the convolution (no padded copy). Even kernels: TF puts the extra
        // zero on the right, which Conv1d cannot express, so those pad explicitly in forward.
        _padLeft = (kernel - 1) / 2;
        _padRight = kernel - 1 - _padLeft;
        bool symmetric = _padLeft == _padRight;
        _convPadding = symmetric ? _padLeft : 0;
        conv = Conv1d(inChannels, outChannels, kernel, padding: _convPadding);
        if (symmetric) _padLeft = _padRight = 0;
        norm = new HeldScalarBatchNorm1d(outChannels, eps: options.BatchNormEpsilon, momentum: options.BatchNormMomentum);
        if (options.SqueezeExcitation) squeeze = new SqueezeExcitation(name + "_se", outChannels, options.SqueezeRatio);
        if (options.Residual)
        {
            _identityShortcut = inChannels == outChannels;
            if (!_identityShortcut)
            {
                shortcut = Conv1d(inChannels, outChannels, 1);
                shortcutNorm = new HeldScalarBatchNorm1d(outChannels, eps: options.BatchNormEpsilon, momentum: options.BatchNormMomentum);
            }
        }
        RegisterComponents();
        using (no_grad())
        {
            init.kaiming_uniform_(conv.weight, nonlinearity: init.NonlinearityType.ReLU);
            init.zeros_(conv.bias);
            if (shortcut is not null)
            {
                init.kaiming_uniform_(shortcut.weight, nonlinearity: init.NonlinearityType.ReLU);
                init.zeros_(shortcut.bias);
            }
        }
    }

    /// <summary>(B, C, T) series → (B, C, 1, T) image in channels-last layout, the blocks' input.</summary>
    public static Tensor ToImage(Tensor x) =>
        x.shape[1] == 1 ? x.unsqueeze(2) : x.permute(0, 2, 1).contiguous().permute(0, 2, 1).unsqueeze(2);

    /// <summary>x: (B, C_in, 1, T) channels-last → (B, C_out, 1, T) channels-last.</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var padded = _padLeft + _padRight > 0 ? functional.pad(x, new[] { _padLeft, _padRight }) : x;
        var y = norm.Normalise(Convolve(conv, padded, _convPadding));
        if (shortcut is not null) y = y + shortcutNorm!.Normalise(Convolve(shortcut, x, 0));
        else if (_identityShortcut) y = y + x;
        y = functional.relu(y, inplace: true); // batch norm's backward needs its input, not its output
        if (squeeze is not null) y = squeeze.forward(y);
        return y.MoveToOuterDisposeScope();
    }

    static Tensor Convolve(Conv1d layer, Tensor image, long padding)
    {
        var y = functional.conv2d(image, layer.weight!.unsqueeze(2), layer.bias, padding: new[] { 0, padding });
        // A single input channel is channels-first and channels-last at once, and libtorch then answers channels-first.
        return y.stride(1) == 1 ? y : y.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);
    }
}
