using LstmFcn.Pipeline;

namespace LstmFcn.Rocket;

/// <summary>A fitted random-kernel transform: series in, a fixed number of features per series out.</summary>
public interface IFeatureTransform
{
    /// <summary>The name saved models record: minirocket, multirocket, hydra, hydra-multirocket.</summary>
    string Kind { get; }
    int Channels { get; }
    int FeatureCount { get; }

    /// <summary>
    /// Features of every sample, row-major (samples × <see cref="FeatureCount"/>), computed in parallel over samples,
    /// into <paramref name="destination"/> when it is large enough (prediction reuses one buffer chunk after chunk).
    /// </summary>
    float[] Transform(IReadOnlyList<TimeSeriesSample> samples, int threads, CancellationToken cancellation, float[]? destination = null);

    /// <summary>What each feature block is, for feature-importance.csv: one (group name, first feature, feature count) per block.</summary>
    IEnumerable<(string Group, int Start, int Count)> Groups();

    void Write(BinaryWriter writer);
}
