using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LstmFcn.Plugins.Deep.Network;

/// <summary>
/// CNN-LSTM: conv blocks (Conv1d → BatchNorm → ReLU, 'same' padding) each followed by max-pooling over time, then an
/// LSTM over the pooled sequence whose last output, after dropout, maps to class logits. The ECG seed report's network
/// on spectrogram channels (conv 32/64, kernel 6, BN, max-pool, LSTM 192). Input (B, C, T); output logits (B, K).
/// Unlike LSTM-FCN the recurrent layer sees what the convolutions extracted, in time order.
/// </summary>
public sealed class CnnLstmNetwork : ClassifierNetwork
{
    readonly ModuleList<ConvBlock> blocks;
    readonly LSTM lstm;
    readonly Dropout lstm_dropout;
    readonly Linear output;

    public CnnLstmNetwork(NetworkOptions options) : base("cnn_lstm", options)
    {
        if (options.Filters.Length != options.Kernels.Length)
            throw new ArgumentException($"{options.Filters.Length} filter counts but {options.Kernels.Length} kernel sizes");
        if (options.Filters.Length == 0) throw new ArgumentException("a CNN-LSTM needs at least one conv block");
        if (PooledLength(options) < 1)
            throw new ArgumentException($"{options.Length} time steps pooled by {options.PoolSize} after each of {options.Filters.Length} conv blocks leave none for the LSTM; use fewer blocks or a smaller pool_size");
        // Plain blocks: squeeze-excitation and residual links belong to the LSTM-FCN variants.
        var blockOptions = options with { SqueezeExcitation = false, Residual = false };
        blocks = new ModuleList<ConvBlock>();
        int channels = options.Channels;
        for (int b = 0; b < options.Filters.Length; b++)
        {
            blocks.Add(new ConvBlock($"conv{b + 1}", channels, options.Filters[b], options.Kernels[b], blockOptions));
            channels = options.Filters[b];
        }
        lstm = LSTM(channels, options.LstmCells, batchFirst: true);
        lstm_dropout = Dropout(options.LstmDropout);
        output = Linear(options.LstmCells, options.Classes);
        RegisterComponents();
        KerasInitialisation.Lstm(lstm, options.LstmCells);
        KerasInitialisation.Dense(output, relu: false);
    }

    /// <summary>Time steps the LSTM sees: the length floor-divided by the pool size once per block.</summary>
    public static long PooledLength(NetworkOptions options)
    {
        long length = options.Length;
        for (int b = 0; b < options.Filters.Length; b++) length /= Math.Max(1, options.PoolSize);
        return length;
    }

    public override string? ClassActivationUnavailableReason => "the CNN-LSTM's output sees the LSTM state, not pooled conv features";

    public override (Tensor Logits, Tensor? Alpha, Tensor? Context) Forward(Tensor x, bool captureAttention)
    {
        using var scope = NewDisposeScope();
        var image = ConvBlock.ToImage(x);                                           // (B, C, 1, T)
        long pool = Options.PoolSize;
        foreach (var block in blocks)
        {
            image = block.forward(image);
            if (pool > 1) image = functional.max_pool2d(image, new[] { 1L, pool }, new[] { 1L, pool });
        }
        var sequence = image.squeeze(2).permute(0, 2, 1);                           // (B, T', F): time-ordered steps
        var (outputs, _, _) = lstm.forward(sequence);
        var last = lstm_dropout.forward(outputs.select(1, outputs.shape[1] - 1));
        return (output.forward(last).MoveToOuterDisposeScope(), null, null);
    }
}
