namespace LstmFcn.Pipeline;

/// <summary>
/// Optional capability of a trained model: the weights its attention puts on each input position (ALSTM-FCN's
/// attention LSTM). Like <see cref="IClassActivationMaps"/> it is computed on request — by a reporter, for the data it
/// chooses — and never as a side effect of prediction, which stays pure.
/// </summary>
public interface IAttentionWeights
{
    /// <summary>Why this particular model has no attention to show (e.g. "a plain LSTM"), or null when it has.</summary>
    string? AttentionUnavailableReason { get; }

    /// <summary>
    /// The name of the values' columns, e.g. <c>alpha_t</c> (attention over time steps) or <c>context_f</c> (the
    /// context's contribution per input feature), numbered from 0.
    /// </summary>
    string AttentionColumn { get; }

    /// <summary>One row of weights per sample of <paramref name="data"/> (prepared data, as the model predicts it).</summary>
    float[][] AttentionWeights(TimeSeriesDataset data, RunContext context);
}
