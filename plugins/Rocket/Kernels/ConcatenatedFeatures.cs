using LstmFcn.Pipeline;

namespace LstmFcn.Rocket;

/// <summary>Hydra + MultiRocket: the two transforms' features side by side, one classifier over both.</summary>
public sealed class ConcatenatedFeatures : IFeatureTransform
{
    public ConcatenatedFeatures(string kind, IReadOnlyList<IFeatureTransform> parts) => (Kind, Parts) = (kind, parts);

    public string Kind { get; }
    public IReadOnlyList<IFeatureTransform> Parts { get; }
    public int Channels => Parts[0].Channels;
    public int FeatureCount => Parts.Sum(p => p.FeatureCount);

    public float[] Transform(IReadOnlyList<TimeSeriesSample> samples, int threads, CancellationToken cancellation, float[]? destination = null)
    {
        int f = FeatureCount, offset = 0;
        var output = destination is { } given && given.Length >= samples.Count * f ? given : new float[samples.Count * f];
        foreach (var part in Parts)
        {
            var block = part.Transform(samples, threads, cancellation);
            int pf = part.FeatureCount;
            for (int i = 0; i < samples.Count; i++) block.AsSpan(i * pf, pf).CopyTo(output.AsSpan(i * f + offset, pf));
            offset += pf;
        }
        return output;
    }

    public IEnumerable<(string Group, int Start, int Count)> Groups()
    {
        int offset = 0;
        foreach (var part in Parts)
        {
            foreach (var (group, start, count) in part.Groups()) yield return (group, offset + start, count);
            offset += part.FeatureCount;
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Parts.Count);
        foreach (var part in Parts) FeatureTransformFile.Write(writer, part);
    }
}
