using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LstmFcn.Plugins.Deep.Network;

/// <summary>
/// Conv1d → BatchNorm → ReLU with TensorFlow's 'same' padding (for even kernels the extra zero goes on the right),
/// He-uniform weights and zero bias as in the Keras reference. Optionally squeeze-excitation after the activation and
/// a residual link (1×1 projection when the channel count changes) added before it.
/// </summary>
public sealed class ConvBlock : Module<Tensor, Tensor>
{
    readonly Conv1d conv;
    readonly BatchNorm1d norm;
    readonly SqueezeExcitation? squeeze;
    readonly Conv1d? shortcut;
    readonly BatchNorm1d? shortcutNorm;
    readonly long _padLeft, _padRight;
    readonly bool _identityShortcut;

    public ConvBlock(string name, int inChannels, int outChannels, int kernel, NetworkOptions options) : base(name)
    {
        // Odd kernels: symmetric padding inside the convolution (no padded copy). Even kernels: TF puts the extra
        // zero on the right, which Conv1d cannot express, so those pad explicitly in forward.
        _padLeft = (kernel - 1) / 2;
        _padRight = kernel - 1 - _padLeft;
        bool symmetric = _padLeft == _padRight;
        conv = Conv1d(inChannels, outChannels, kernel, padding: symmetric ? _padLeft : 0);
        if (symmetric) _padLeft = _padRight = 0;
        norm = BatchNorm1d(outChannels, eps: options.BatchNormEpsilon, momentum: options.BatchNormMomentum);
        if (options.SqueezeExcitation) squeeze = new SqueezeExcitation(name + "_se", outChannels, options.SqueezeRatio);
        if (options.Residual)
        {
            _identityShortcut = inChannels == outChannels;
            if (!_identityShortcut)
            {
                shortcut = Conv1d(inChannels, outChannels, 1);
                shortcutNorm = BatchNorm1d(outChannels, eps: options.BatchNormEpsilon, momentum: options.BatchNormMomentum);
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

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var padded = _padLeft + _padRight > 0 ? functional.pad(x, new[] { _padLeft, _padRight }) : x;
        var y = norm.forward(conv.forward(padded));
        if (shortcut is not null) y = y + shortcutNorm!.forward(shortcut.forward(x));
        else if (_identityShortcut) y = y + x;
        y = functional.relu(y, inplace: true); // batch norm's backward needs its input, not its output
        if (squeeze is not null) y = squeeze.forward(y);
        return y.MoveToOuterDisposeScope();
    }
}
