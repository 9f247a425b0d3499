using LstmFcn.Pipeline;

namespace LstmFcn.Rocket;

/// <summary>
/// Hydra (Dempster, Schmidt &amp; Webb, DMKD 2023): groups of k random kernels (length 9, normal weights, centred and
/// scaled to unit absolute sum) that compete at every time step. Per group, the winning (largest-response) kernel
/// accumulates its response ("soft" count) and the losing (smallest-response) kernel counts one ("hard" count). Half the
/// groups see the series, half its first difference, at dilations 2^0 … 2^⌊log2((L−1)/8)⌋ with "same" zero padding.
/// Features are √max(0, count) (the authors' sparse scaling, before the classifier's standardisation).
/// Multivariate: each group sums a random channel subset before convolving (its kernels shared across those channels).
/// </summary>
public sealed class HydraTransform : IFeatureTransform
{
    public const int Representations = 2; // series, first difference

    public HydraTransform(int channels, int kernelsPerGroup, int groupsPerRepresentation, int[] dilations, float[][] weights,
        int[][] channelSubsets)
    {
        (Channels, KernelsPerGroup, GroupsPerRepresentation, Dilations, Weights, ChannelSubsets) =
            (channels, kernelsPerGroup, groupsPerRepresentation, dilations, weights, channelSubsets);
        if (weights.Length != Blocks || channelSubsets.Length != Blocks) throw new ArgumentException("one weight block and channel subset per (dilation, representation, group)");
    }

    public string Kind => "hydra";
    public int Channels { get; }
    public int KernelsPerGroup { get; }
    public int GroupsPerRepresentation { get; }
    public int[] Dilations { get; }
    /// <summary>Per (dilation, representation, group): k × 9 weights.</summary>
    public float[][] Weights { get; }
    public int[][] ChannelSubsets { get; }

    int Blocks => Dilations.Length * Representations * GroupsPerRepresentation;
    public int FeatureCount => Blocks * 2 * KernelsPerGroup;

    /// <summary>Dilations 2^0 … 2^⌊log2((L−1)/8)⌋ for the longest training length L.</summary>
    public static int[] DilationsFor(int length)
    {
        int count = (int)Math.Floor(Math.Log2(Math.Max(1, length - 1) / 8.0)) + 1;
        return Enumerable.Range(0, Math.Max(1, count)).Select(i => 1 << i).ToArray();
    }

    public static HydraTransform Fit(IReadOnlyList<TimeSeriesSample> train, int kernelsPerGroup, int groups, Random weightRandom,
        Random channelRandom)
    {
        if (train.Count == 0) throw new InvalidDataException("the training set is empty");
        int channels = train[0].Channels, length = train.Max(s => s.Length);
        var dilations = DilationsFor(length);
        int perRepresentation = Math.Max(1, groups / Representations);
        int blocks = dilations.Length * Representations * perRepresentation;
        var weights = new float[blocks][];
        for (int b = 0; b < blocks; b++)
        {
            weights[b] = new float[kernelsPerGroup * 9];
            for (int k = 0; k < kernelsPerGroup; k++)
            {
                var w = weights[b].AsSpan(k * 9, 9);
                for (int j = 0; j < 9; j++) w[j] = (float)weightRandom.NextGaussian();
                float mean = 0, absolute = 0;
                foreach (var v in w) mean += v / 9;
                for (int j = 0; j < 9; j++) absolute += Math.Abs(w[j] -= mean);
                for (int j = 0; j < 9; j++) w[j] /= absolute;
            }
        }
        var subsets = ChannelChoice.Subsets(channels, blocks, channelRandom);
        return new HydraTransform(channels, kernelsPerGroup, perRepresentation, dilations, weights, subsets);
    }

    public float[] Transform(IReadOnlyList<TimeSeriesSample> samples, int threads, CancellationToken cancellation, float[]? destination = null)
    {
        int f = FeatureCount;
        var output = destination is { } given && given.Length >= samples.Count * f ? given : new float[samples.Count * f];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellation };
        Parallel.For(0, samples.Count, options, () => new Buffers(), (i, _, buffers) =>
        {
            TransformOne(samples[i], output.AsSpan(i * f, f), buffers);
            return buffers;
        }, _ => { });
        return output;
    }

    sealed class Buffers
    {
        public float[] Padded = [];
        public float[] Responses = [];
    }

    void TransformOne(TimeSeriesSample sample, Span<float> features, Buffers buffers)
    {
        int k = KernelsPerGroup, block = 0;
        for (int di = 0; di < Dilations.Length; di++)
        {
            int d = Dilations[di], pad = 4 * d;
            for (int r = 0; r < Representations; r++)
            {
                var view = SeriesView.Of(sample, difference: r == 1);
                int n = view.Length, padded = n + 2 * pad;
                if (buffers.Padded.Length < padded) buffers.Padded = new float[padded];
                if (buffers.Responses.Length < k * n) buffers.Responses = new float[k * n];
                for (int g = 0; g < GroupsPerRepresentation; g++, block++)
                {
                    var x = buffers.Padded.AsSpan(0, padded);
                    x.Clear();
                    foreach (var c in ChannelSubsets[block]) Spans.AddTo(x.Slice(pad, n), view.Channel(c));
                    var weights = Weights[block];
                    var responses = buffers.Responses.AsSpan(0, k * n);
                    responses.Clear();
                    for (int kernel = 0; kernel < k; kernel++)
                    {
                        var row = responses.Slice(kernel * n, n);
                        for (int j = 0; j < 9; j++) Spans.AddScaled(row, x.Slice(j * d, n), weights[kernel * 9 + j]);
                    }
                    var soft = features.Slice(block * 2 * k, k);
                    var hard = features.Slice(block * 2 * k + k, k);
                    soft.Clear();
                    hard.Clear();
                    for (int t = 0; t < n; t++)
                    {
                        int best = 0, worst = 0;
                        float high = responses[t], low = high;
                        for (int kernel = 1; kernel < k; kernel++)
                        {
                            float v = responses[kernel * n + t];
                            if (v > high) (high, best) = (v, kernel);
                            if (v < low) (low, worst) = (v, kernel);
                        }
                        soft[best] += high;
                        hard[worst] += 1;
                    }
                    for (int j = 0; j < k; j++)
                    {
                        soft[j] = MathF.Sqrt(Math.Max(0, soft[j]));
                        hard[j] = MathF.Sqrt(hard[j]);
                    }
                }
            }
        }
    }

    public IEnumerable<(string Group, int Start, int Count)> Groups()
    {
        int block = 0;
        foreach (var d in Dilations)
            for (int r = 0; r < Representations; r++)
                for (int g = 0; g < GroupsPerRepresentation; g++, block++)
                    yield return ($"hydra {(r == 0 ? "series" : "diff")} dilation {d} group {g}", block * 2 * KernelsPerGroup, 2 * KernelsPerGroup);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Channels);
        writer.Write(KernelsPerGroup);
        writer.Write(GroupsPerRepresentation);
        writer.Write(Dilations.Length);
        foreach (var d in Dilations) writer.Write(d);
        for (int b = 0; b < Blocks; b++)
        {
            foreach (var w in Weights[b]) writer.Write(w);
            writer.Write(ChannelSubsets[b].Length);
            foreach (var c in ChannelSubsets[b]) writer.Write(c);
        }
    }

    public static HydraTransform Read(BinaryReader reader)
    {
        int channels = reader.ReadInt32(), k = reader.ReadInt32(), groups = reader.ReadInt32(), count = reader.ReadInt32();
        if (k < 2 || groups < 1 || count < 1 || count > 64) throw new InvalidDataException($"hydra: {k} kernels, {groups} groups, {count} dilations");
        var dilations = new int[count];
        for (int i = 0; i < count; i++) dilations[i] = reader.ReadInt32();
        int blocks = count * Representations * groups;
        var weights = new float[blocks][];
        var subsets = new int[blocks][];
        for (int b = 0; b < blocks; b++)
        {
            weights[b] = new float[k * 9];
            for (int j = 0; j < weights[b].Length; j++) weights[b][j] = reader.ReadSingle();
            subsets[b] = new int[reader.ReadInt32()];
            for (int c = 0; c < subsets[b].Length; c++) subsets[b][c] = reader.ReadInt32();
        }
        return new HydraTransform(channels, k, groups, dilations, weights, subsets);
    }
}
