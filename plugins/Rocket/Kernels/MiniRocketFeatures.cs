using LstmFcn.Pipeline;

namespace LstmFcn.Rocket;

/// <summary>
/// MiniRocket (one PPV transform of the series) or MultiRocket (Tan et al., DMKD 2022: a four-pool transform of the
/// series and another of its first difference, each with its own dilations and biases) as one feature vector.
/// </summary>
public sealed class MiniRocketFeatures : IFeatureTransform
{
    public MiniRocketFeatures(string kind, IReadOnlyList<MiniRocketTransform> parts)
    {
        if (parts.Count == 0) throw new ArgumentException("at least one transform");
        (Kind, Parts) = (kind, parts);
    }

    public string Kind { get; }
    public IReadOnlyList<MiniRocketTransform> Parts { get; }
    public int Channels => Parts[0].Channels;
    public int FeatureCount => Parts.Sum(p => p.FeatureCount);

    public float[] Transform(IReadOnlyList<TimeSeriesSample> samples, int threads, CancellationToken cancellation, float[]? destination = null)
    {
        int f = FeatureCount;
        var output = destination is { } given && given.Length >= samples.Count * f ? given : new float[samples.Count * f];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellation };
        Parallel.For(0, samples.Count, options, () => new MiniRocketWorkspace(), (i, _, workspace) =>
        {
            var row = output.AsSpan(i * f, f);
            int offset = 0;
            foreach (var part in Parts)
            {
                part.Transform(samples[i], row.Slice(offset, part.FeatureCount), workspace);
                offset += part.FeatureCount;
            }
            return workspace;
        }, _ => { });
        return output;
    }

    public IEnumerable<(string Group, int Start, int Count)> Groups()
    {
        int start = 0;
        foreach (var part in Parts)
        {
            string representation = part.Difference ? "diff" : "series";
            for (int di = 0; di < part.Plan.Dilations.Length; di++)
            {
                int count = part.Plan.FeaturesPerDilation[di] * part.PoolsPerBias;
                for (int k = 0; k < MiniRocketKernels.Count; k++, start += count)
                    yield return ($"{representation} dilation {part.Plan.Dilations[di]} kernel {k}", start, count);
            }
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Parts.Count);
        foreach (var part in Parts) part.Write(writer);
    }

    public static MiniRocketFeatures Read(string kind, BinaryReader reader)
    {
        int count = reader.ReadInt32();
        if (count is < 1 or > 2) throw new InvalidDataException($"{count} MiniRocket transforms");
        return new MiniRocketFeatures(kind, Enumerable.Range(0, count).Select(_ => MiniRocketTransform.Read(reader)).ToArray());
    }
}
