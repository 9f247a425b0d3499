using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LstmFcn.Pipeline;

namespace LstmFcn.Rocket;

/// <summary>
/// A fitted MiniRocket transform (Dempster, Schmidt &amp; Webb, KDD 2021): the 84 kernels at the dilations of a
/// <see cref="DilationPlan"/>, one bias per feature taken from quantiles of a randomly chosen training example's
/// convolution output, and (multivariate) a random channel subset per (dilation, kernel). Padding alternates over
/// (dilation, kernel) pairs: even pairs pool the whole "same" output, odd pairs only the part that needs no padding.
/// Features are PPV (proportion of outputs above the bias) or, for MultiRocket, PPV, MPV, MIPV and LSPV.
/// <para>Unequal lengths: dilations come from the longest training series; each series is convolved at its own length
/// and pooled over its own outputs (the proportions and means do not depend on length). When a series is too short for
/// an odd pair's unpadded part (length ≤ 8d) that pair pools the whole output instead.</para>
/// </summary>
public sealed class MiniRocketTransform
{
    public MiniRocketTransform(int channels, int referenceLength, DilationPlan plan, float[] biases, int[][] channelSubsets,
        Pooling pooling, bool difference)
    {
        int combinations = plan.Dilations.Length * MiniRocketKernels.Count;
        if (channelSubsets.Length != combinations) throw new ArgumentException($"{channelSubsets.Length} channel subsets for {combinations} (dilation, kernel) pairs");
        if (biases.Length != plan.FeaturesPerKernel * MiniRocketKernels.Count) throw new ArgumentException($"{biases.Length} biases for {plan.FeaturesPerKernel * 84} features");
        (Channels, ReferenceLength, Plan, Biases, ChannelSubsets, Pooling, Difference) =
            (channels, referenceLength, plan, biases, channelSubsets, pooling, difference);
        _biasLanes = BiasLanes(plan, biases, out _laneStart);
    }

    /// <summary>
    /// The biases of each (dilation, kernel) pair as whole vectors, the last one filled with +∞ (no output exceeds it):
    /// PPV compares every output step with all of a pair's biases at once, a vector of biases per instruction. For a
    /// map pixel (23 dates, ~59 biases per pair) that is 23 × 8 vector compares instead of 59 counting passes over
    /// 7–23 values, each mostly a scalar tail: the transform runs several times faster, to the same counts.
    /// </summary>
    static float[] BiasLanes(DilationPlan plan, float[] biases, out int[] starts)
    {
        // Whole 512-bit vectors, which are also whole vectors of any narrower width.
        int w = Vector512<float>.Count, pairs = plan.Dilations.Length * MiniRocketKernels.Count;
        starts = new int[pairs + 1];
        for (int di = 0, pair = 0; di < plan.Dilations.Length; di++)
            for (int k = 0; k < MiniRocketKernels.Count; k++, pair++)
                starts[pair + 1] = starts[pair] + (plan.FeaturesPerDilation[di] + w - 1) / w * w;
        var lanes = new float[starts[pairs]];
        lanes.AsSpan().Fill(float.PositiveInfinity);
        for (int di = 0, pair = 0, feature = 0; di < plan.Dilations.Length; di++)
            for (int k = 0; k < MiniRocketKernels.Count; k++, pair++, feature += plan.FeaturesPerDilation[di])
                biases.AsSpan(feature, plan.FeaturesPerDilation[di]).CopyTo(lanes.AsSpan(starts[pair]));
        return lanes;
    }

    readonly float[] _biasLanes;
    readonly int[] _laneStart;

    public int Channels { get; }
    public int ReferenceLength { get; }
    public DilationPlan Plan { get; }
    /// <summary>One bias per (dilation, kernel, feature), in that order.</summary>
    public float[] Biases { get; }
    /// <summary>The channels each (dilation, kernel) pair sums over, index dilation × 84 + kernel.</summary>
    public int[][] ChannelSubsets { get; }
    public Pooling Pooling { get; }
    /// <summary>Convolves the first difference of the series instead of the series (MultiRocket's second representation).</summary>
    public bool Difference { get; }

    public int PoolsPerBias => Pooling == Pooling.Four ? 4 : 1;
    public int FeatureCount => Biases.Length * PoolsPerBias;

    /// <summary>Fits dilations, channel subsets and biases to the training samples.</summary>
    public static MiniRocketTransform Fit(IReadOnlyList<TimeSeriesSample> train, int featuresPerKernel, int maxDilationsPerKernel,
        Pooling pooling, bool difference, Random channelRandom, Random biasRandom)
    {
        if (train.Count == 0) throw new InvalidDataException("the training set is empty");
        int channels = train[0].Channels;
        var views = train.Select(s => SeriesView.Of(s, difference)).ToArray();
        int length = views.Max(v => v.Length);
        var plan = DilationPlan.For(length, featuresPerKernel, maxDilationsPerKernel);
        var subsets = ChannelChoice.Subsets(channels, plan.Dilations.Length * MiniRocketKernels.Count, channelRandom);

        var quantiles = Quantiles.LowDiscrepancy(plan.FeaturesPerKernel * MiniRocketKernels.Count);
        var biases = new float[quantiles.Length];
        var workspace = new MiniRocketWorkspace();
        int feature = 0;
        for (int di = 0; di < plan.Dilations.Length; di++)
        {
            for (int k = 0; k < MiniRocketKernels.Count; k++)
            {
                var view = views[biasRandom.Next(views.Length)];
                workspace.Prepare(view, plan.Dilations[di]);
                var output = workspace.Convolve(k, subsets[di * MiniRocketKernels.Count + k]).ToArray();
                Array.Sort(output);
                for (int f = 0; f < plan.FeaturesPerDilation[di]; f++, feature++)
                    biases[feature] = Quantiles.Of(output, quantiles[feature]);
            }
        }
        return new MiniRocketTransform(channels, length, plan, biases, subsets, pooling, difference);
    }

    /// <summary>Features of one series into <paramref name="features"/> (<see cref="FeatureCount"/> values).</summary>
    public void Transform(TimeSeriesSample sample, Span<float> features, MiniRocketWorkspace workspace)
    {
        var view = SeriesView.Of(sample, Difference);
        int feature = 0, pools = PoolsPerBias;
        for (int di = 0; di < Plan.Dilations.Length; di++)
        {
            workspace.Prepare(view, Plan.Dilations[di]);
            int pad = workspace.Padding, n = workspace.Length;
            int count = Plan.FeaturesPerDilation[di];
            for (int k = 0; k < MiniRocketKernels.Count; k++)
            {
                ReadOnlySpan<float> output = workspace.Convolve(k, ChannelSubsets[di * MiniRocketKernels.Count + k]);
                bool unpadded = (di % 2 + k) % 2 == 1 && n > 2 * pad;
                if (unpadded) output = output[pad..(n - pad)];
                if (Pooling == Pooling.Ppv)
                {
                    int pair = di * MiniRocketKernels.Count + k;
                    Ppv(output, _biasLanes.AsSpan(_laneStart[pair], _laneStart[pair + 1] - _laneStart[pair]), features.Slice(feature, count), workspace);
                    feature += count;
                }
                else
                    for (int f = 0; f < count; f++, feature++) FourPools(output, Biases[feature], features.Slice(feature * pools, pools));
            }
        }
    }

    /// <summary>PPV of every bias of one pair: the share of <paramref name="output"/> above each (see <see cref="BiasLanes"/>).</summary>
    static void Ppv(ReadOnlySpan<float> output, ReadOnlySpan<float> lanes, Span<float> features, MiniRocketWorkspace workspace)
    {
        var shares = workspace.Shares(lanes.Length);
        ref float bias = ref MemoryMarshal.GetReference(lanes);
        ref float x = ref MemoryMarshal.GetReference(output);
        ref float share = ref MemoryMarshal.GetReference(shares);
        int n = output.Length;
        // One vector of biases at a time, its counters in a register while every output step is broadcast against it;
        // the counts are divided by n in vectors too (IEEE division, the same value as one at a time: scalar divisions
        // of ~10 000 features cost as much as the whole comparison).
        if (Vector512.IsHardwareAccelerated)
        {
            var length = Vector512.Create((float)n);
            for (int j = 0; j < lanes.Length; j += Vector512<float>.Count)
            {
                var b = Vector512.LoadUnsafe(ref bias, (nuint)j);
                var above = Vector512<int>.Zero;
                for (int t = 0; t < n; t++) above -= Vector512.GreaterThan(Vector512.Create(Unsafe.Add(ref x, t)), b).AsInt32();
                (Vector512.ConvertToSingle(above) / length).StoreUnsafe(ref share, (nuint)j);
            }
        }
        else
        {
            var length = new Vector<float>(n);
            for (int j = 0; j < lanes.Length; j += Vector<float>.Count)
            {
                var b = Vector.LoadUnsafe(ref bias, (nuint)j);
                var above = Vector<int>.Zero;
                for (int t = 0; t < n; t++) above -= Vector.GreaterThan(new Vector<float>(Unsafe.Add(ref x, t)), b);
                (Vector.ConvertToSingle(above) / length).StoreUnsafe(ref share, (nuint)j);
            }
        }
        shares[..features.Length].CopyTo(features);
    }

    /// <summary>MultiRocket's pools of z = output − bias: PPV, MPV (mean of the positive z), MIPV (mean index of the
    /// positive z, as a fraction of the length; −1 when none) and LSPV (longest run of positive z, as a fraction).</summary>
    static void FourPools(ReadOnlySpan<float> output, float bias, Span<float> pools)
    {
        int count = 0, run = 0, longest = 0;
        double positive = 0, indices = 0;
        for (int t = 0; t < output.Length; t++)
        {
            float z = output[t] - bias;
            if (z > 0)
            {
                count++;
                positive += z;
                indices += t;
                if (++run > longest) longest = run;
            }
            else run = 0;
        }
        int n = output.Length;
        pools[0] = (float)count / n;
        pools[1] = count > 0 ? (float)(positive / count) : 0f;
        pools[2] = count > 0 ? (float)(indices / count / n) : -1f;
        pools[3] = (float)longest / n;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Channels);
        writer.Write(ReferenceLength);
        writer.Write((int)Pooling);
        writer.Write(Difference);
        writer.Write(Plan.Dilations.Length);
        for (int i = 0; i < Plan.Dilations.Length; i++)
        {
            writer.Write(Plan.Dilations[i]);
            writer.Write(Plan.FeaturesPerDilation[i]);
        }
        writer.Write(Biases.Length);
        foreach (var b in Biases) writer.Write(b);
        foreach (var subset in ChannelSubsets)
        {
            writer.Write(subset.Length);
            foreach (var c in subset) writer.Write(c);
        }
    }

    public static MiniRocketTransform Read(BinaryReader reader)
    {
        int channels = reader.ReadInt32(), length = reader.ReadInt32();
        var pooling = (Pooling)reader.ReadInt32();
        bool difference = reader.ReadBoolean();
        int count = reader.ReadInt32();
        if (count < 1 || count > 1_000) throw new InvalidDataException($"{count} dilations");
        var dilations = new int[count];
        var features = new int[count];
        for (int i = 0; i < count; i++) (dilations[i], features[i]) = (reader.ReadInt32(), reader.ReadInt32());
        var biases = new float[reader.ReadInt32()];
        for (int i = 0; i < biases.Length; i++) biases[i] = reader.ReadSingle();
        var subsets = new int[count * MiniRocketKernels.Count][];
        for (int i = 0; i < subsets.Length; i++)
        {
            subsets[i] = new int[reader.ReadInt32()];
            for (int c = 0; c < subsets[i].Length; c++) subsets[i][c] = reader.ReadInt32();
        }
        return new MiniRocketTransform(channels, length, new DilationPlan(dilations, features), biases, subsets, pooling, difference);
    }
}
