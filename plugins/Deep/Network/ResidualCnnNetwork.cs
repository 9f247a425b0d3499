using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LstmFcn.Plugins.Deep.Network;

/// <summary>
/// A 1-D residual CNN in the style of Hannun et al. 2019 (Nature Medicine): a conv–BN–ReLU stem, then
/// <see cref="NetworkOptions.ResidualBlocks"/> residual blocks whose filter count doubles every
/// <see cref="NetworkOptions.DoubleEvery"/> blocks and which halve the time axis every
/// <see cref="NetworkOptions.PoolEvery"/> blocks, then global average pooling over time and a linear layer. Hannun's
/// network (16 blocks, kernel 16, 32 filters doubling every 4 blocks, one output per 256 samples) is the large end;
/// the options size it down for a CPU. Input (B, C, T); output logits (B, K). Class activation maps: the linear
/// layer applied at every time step of the last blocks' output.
/// </summary>
public sealed class ResidualCnnNetwork : ClassifierNetwork
{
    readonly ConvBlock stem;
    readonly ModuleList<ResidualBlock> blocks;
    readonly Dropout head_dropout;
    readonly Linear output;

    public ResidualCnnNetwork(NetworkOptions options) : base("residual_cnn", options)
    {
        if (options.Filters.Length != 1 || options.Kernels.Length != 1)
            throw new ArgumentException("a residual CNN takes one starting filter count and one kernel size");
        int filters = options.Filters[0], kernel = options.Kernels[0];
        stem = new ConvBlock("stem", options.Channels, filters, kernel, options with { SqueezeExcitation = false, Residual = false });
        blocks = new ModuleList<ResidualBlock>();
        int channels = filters;
        for (int b = 0; b < options.ResidualBlocks; b++)
        {
            int width = filters << (b / Math.Max(1, options.DoubleEvery));
            bool subsample = options.PoolEvery > 0 && (b + 1) % options.PoolEvery == 0;
            blocks.Add(new ResidualBlock($"block{b + 1}", channels, width, kernel, subsample, options.BlockDropout, options));
            channels = width;
        }
        head_dropout = Dropout(options.HeadDropout);
        output = Linear(channels, options.Classes);
        RegisterComponents();
        KerasInitialisation.Dense(output, relu: false);
    }

    public override string? ClassActivationUnavailableReason => null;

    Tensor Features(Tensor x)
    {
        var image = stem.forward(ConvBlock.ToImage(x));
        foreach (var block in blocks) image = block.forward(image);
        return image.squeeze(2);                                                    // (B, F, T')
    }

    public override (Tensor Logits, Tensor? Alpha, Tensor? Context) Forward(Tensor x, bool captureAttention)
    {
        using var scope = NewDisposeScope();
        var pooled = head_dropout.forward(Features(x).mean(new[] { 2L }));
        return (output.forward(pooled).MoveToOuterDisposeScope(), null, null);
    }

    public override Tensor ClassActivationMaps(Tensor x)
    {
        using var scope = NewDisposeScope();
        var features = Features(x);                                                 // (B, F, T')
        var maps = output.forward(features.permute(0, 2, 1)).permute(0, 2, 1);      // (B, K, T')
        // Back to the input's length so each map value lines up with a time step.
        var full = functional.interpolate(maps, new[] { x.shape[2] }, mode: InterpolationMode.Nearest);
        return full.MoveToOuterDisposeScope();
    }
}
