namespace LstmFcn.Pipeline;

/// <summary>
/// Optional capability of a trained model: class activation maps (Zhou et al. 2016) — how much each time step of a
/// series pushes the model towards a class. Reporters test for it (<c>model is IClassActivationMaps</c>); models
/// without a meaningful map (no convolutional features, or a dense head between pooling and output) do not implement
/// it or say why in <see cref="ClassActivationUnavailableReason"/>.
/// </summary>
public interface IClassActivationMaps
{
    /// <summary>Why this particular model cannot give maps (e.g. "a dense head follows the pooling"), or null when it can.</summary>
    string? ClassActivationUnavailableReason { get; }

    /// <summary>
    /// One map per sample of <paramref name="data"/> (prepared data, as the model predicts it), for the class index
    /// given per sample in <paramref name="classIndices"/>; each map has one value per time step of that sample.
    /// </summary>
    float[][] ClassActivationMaps(TimeSeriesDataset data, IReadOnlyList<int> classIndices, RunContext context);
}
