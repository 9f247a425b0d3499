using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using LstmFcn.Torch;

namespace LstmFcn.Plugins.Deep.Network;

/// <summary>
/// LSTM-FCN / ALSTM-FCN (Karim et al. 2017): a fully convolutional branch (conv blocks → global average pooling) and
/// a recurrent branch (LSTM or attention LSTM over the dimension-shuffled series, then dropout), concatenated as
/// [recurrent, pooled] and mapped to class logits. Input (B, C, T); output logits (B, K).
/// </summary>
public sealed class LstmFcnNetwork : ClassifierNetwork
{
    readonly ModuleList<ConvBlock> blocks;
    readonly LSTM? lstm;
    readonly AttentionLstm? attention_lstm;
    readonly Dropout lstm_dropout;
    readonly Linear? head;
    readonly HeldScalarBatchNorm1d? head_norm;
    readonly Dropout? head_dropout;
    readonly Linear output;

    public LstmFcnNetwork(NetworkOptions options) : base("lstm_fcn", options)
    {
        if (options.Filters.Length != options.Kernels.Length)
            throw new ArgumentException($"{options.Filters.Length} filter counts but {options.Kernels.Length} kernel sizes");
        blocks = new ModuleList<ConvBlock>();
        int channels = options.Channels;
        for (int b = 0; b < options.Filters.Length; b++)
        {
            blocks.Add(new ConvBlock($"conv{b + 1}", channels, options.Filters[b], options.Kernels[b], options));
            channels = options.Filters[b];
        }

        int lstmInput = options.View == LstmView.Shuffle ? options.Channels * options.Length : options.Channels;
        if (options.Attention) attention_lstm = new AttentionLstm("attention_lstm", lstmInput, options.LstmCells);
        else lstm = LSTM(lstmInput, options.LstmCells, batchFirst: true);
        lstm_dropout = Dropout(options.LstmDropout);

        int features = options.LstmCells + channels;
        if (options.HeadUnits > 0)
        {
            head = Linear(features, options.HeadUnits);
            head_norm = new HeldScalarBatchNorm1d(options.HeadUnits, eps: options.BatchNormEpsilon, momentum: options.BatchNormMomentum);
            head_dropout = Dropout(options.HeadDropout);
            features = options.HeadUnits;
        }
        output = Linear(features, options.Classes);
        RegisterComponents();
        InitialiseLikeKeras();
    }

    void InitialiseLikeKeras()
    {
        if (lstm is not null) KerasInitialisation.Lstm(lstm, Options.LstmCells);
        if (head is not null) KerasInitialisation.Dense(head, relu: true);
        KerasInitialisation.Dense(output, relu: false);
    }

    public override string? ClassActivationUnavailableReason => head is not null
        ? $"a dense head ({Options.HeadUnits} units) lies between the pooled conv features and the output layer"
        : null;

    /// <summary>
    /// Class activation maps (B, K, T): Σ_f W[k, f] · A[b, f, t] over the last conv block's activations A and the
    /// output weights W of the pooled features. The output layer sees [recurrent, pooled], so those weights are the
    /// columns after the LSTM cells — the original Keras script read the first F columns, which belong partly to the
    /// LSTM. Averaged over t a map is exactly the pooled features' share of the logit. Only without a dense head.
    /// </summary>
    public override Tensor ClassActivationMaps(Tensor x)
    {
        if (head is not null) throw new InvalidOperationException("class activation maps need the pooled features to feed the output layer directly (head_units: 0)");
        using var scope = NewDisposeScope();
        var conv = ConvBlock.ToImage(x);
        foreach (var block in blocks) conv = block.forward(conv);
        conv = conv.squeeze(2);                                                    // (B, F, T)
        long features = conv.shape[1];
        var weights = output.weight.narrow(1, Options.LstmCells, features);      // (K, F)
        return matmul(weights, conv).MoveToOuterDisposeScope();                   // (K, F) × (B, F, T) → (B, K, T)
    }

    /// <summary>Logits, plus the attention LSTM's last-step attention and context when asked (ALSTM only).</summary>
    public override (Tensor Logits, Tensor? Alpha, Tensor? Context) Forward(Tensor x, bool captureAttention)
    {
        using var scope = NewDisposeScope();
        var conv = ConvBlock.ToImage(x);
        foreach (var block in blocks) conv = block.forward(conv);
        var pooled = conv.mean(new long[] { 2, 3 });

        var sequence = Options.View == LstmView.Shuffle
            ? x.reshape(x.shape[0], 1, Options.Channels * Options.Length)   // one step, C·T features
            : x.permute(0, 2, 1);                                           // T steps, C features
        Tensor recurrent;
        Tensor? alpha = null, context = null;
        if (attention_lstm is not null)
            (recurrent, alpha, context) = attention_lstm.Run(sequence, captureAttention);
        else
        {
            var (outputs, _, _) = lstm!.forward(sequence);
            recurrent = outputs.select(1, outputs.shape[1] - 1);
        }
        recurrent = lstm_dropout.forward(recurrent);

        var features = cat(new[] { recurrent, pooled }, 1);
        if (head is not null)
            features = head_dropout!.forward(head_norm!.forward(functional.relu(head.forward(features))));
        var logits = output.forward(features).MoveToOuterDisposeScope();
        return (logits, alpha?.MoveToOuterDisposeScope(), context?.MoveToOuterDisposeScope());
    }
}
