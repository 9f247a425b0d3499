namespace LstmFcn.Plugins.Forest.Boosting;

/// <summary>
/// Grows one regression tree on per-sample gradients and hessians, best-first (the leaf whose split gains most is
/// split next, up to <c>max_leaf_nodes</c>), choosing splits from per-bin gradient histograms. A child's histogram is
/// built for the smaller child only and the larger one's is the parent's minus it. All buffers belong to the grower
/// and are reused from tree to tree; one grower grows one tree at a time.
/// </summary>
public sealed class HistogramTreeGrower
{
    /// <summary>
    /// Per bin of every feature (features one after another) the sums of gradients, hessians and samples, interleaved
    /// (<c>Sums[3·bin]</c>, <c>+1</c>, <c>+2</c>) so one update touches one cache line and subtraction is one vector loop.
    /// </summary>
    sealed class Histogram
    {
        public Histogram(int bins) => Sums = new double[3 * bins];

        public readonly double[] Sums;
    }

    struct Split
    {
        public int Feature, Bin;
        public double Gain, GLeft, HLeft;
    }

    /// <summary>A leaf while the tree grows: its samples are <c>Indices[Start..Start+Count)</c>.</summary>
    sealed class Leaf
    {
        public int Node, Start, Count, Depth;
        public double G, H;
        public Histogram? Histogram;
        public Split Best;
    }

    readonly byte[] _bins;
    readonly FeatureBins _thresholds;
    readonly int _samples, _features;
    readonly int[] _offset;
    readonly int _totalBins;
    readonly BoostingSettings _settings;
    readonly Stack<Histogram> _free = new();
    readonly int[] _scratch;
    readonly float[] _orderedGradients, _orderedHessians;

    public HistogramTreeGrower(byte[] bins, FeatureBins thresholds, int samples, BoostingSettings settings)
    {
        _bins = bins;
        _thresholds = thresholds;
        _samples = samples;
        _features = thresholds.Thresholds.Length;
        _settings = settings;
        _offset = new int[_features + 1];
        for (int f = 0; f < _features; f++) _offset[f + 1] = _offset[f] + thresholds.BinCount(f);
        _totalBins = _offset[_features];
        Indices = new int[samples];
        _scratch = new int[samples];
        _orderedGradients = new float[samples];
        _orderedHessians = new float[samples];
    }

    /// <summary>After <see cref="Grow"/>: the training samples, grouped by the leaf they fell into.</summary>
    public int[] Indices { get; }

    /// <summary>After <see cref="Grow"/>: per leaf of the last tree, its samples' range in <see cref="Indices"/>.</summary>
    public List<(int Start, int Count, float Value)> LeafRanges { get; } = new();

    /// <summary>Grows a tree; adds each split's gain to <paramref name="gains"/> at its feature.</summary>
    public BoostedTree Grow(float[] gradients, float[] hessians, double[] gains)
    {
        LeafRanges.Clear();
        for (int i = 0; i < _samples; i++) Indices[i] = i;
        var nodes = new List<TreeNode> { default };
        var leafValues = new List<float>();
        var open = new List<Leaf>();

        double g0 = 0, h0 = 0;
        for (int i = 0; i < _samples; i++) { g0 += gradients[i]; h0 += hessians[i]; }
        var root = new Leaf { Node = 0, Start = 0, Count = _samples, Depth = 0, G = g0, H = h0 };
        root.Histogram = Rent();
        Fill(root.Histogram, root, gradients, hessians);
        Consider(root, open, nodes, leafValues);

        int leaves = 1;
        while (open.Count > 0 && leaves < _settings.MaxLeafNodes)
        {
            int pick = 0;
            for (int i = 1; i < open.Count; i++)
                if (open[i].Best.Gain > open[pick].Best.Gain) pick = i;
            var parent = open[pick];
            open.RemoveAt(pick);
            var split = parent.Best;
            gains[split.Feature] += split.Gain;

            int leftCount = Partition(parent, split);
            var left = new Leaf { Start = parent.Start, Count = leftCount, Depth = parent.Depth + 1, G = split.GLeft, H = split.HLeft };
            var right = new Leaf
            {
                Start = parent.Start + leftCount, Count = parent.Count - leftCount, Depth = parent.Depth + 1,
                G = parent.G - split.GLeft, H = parent.H - split.HLeft,
            };
            left.Node = nodes.Count;
            nodes.Add(default);
            right.Node = nodes.Count;
            nodes.Add(default);
            nodes[parent.Node] = new TreeNode
            {
                Feature = split.Feature, Threshold = _thresholds.Thresholds[split.Feature][split.Bin], Left = left.Node, Right = right.Node,
            };

            // The smaller child gets a fresh histogram; the larger one inherits the parent's minus the smaller's.
            var (small, large) = left.Count <= right.Count ? (left, right) : (right, left);
            small.Histogram = Rent();
            Fill(small.Histogram, small, gradients, hessians);
            large.Histogram = parent.Histogram!;
            Subtract(large.Histogram, small.Histogram);
            parent.Histogram = null;

            leaves++;
            Consider(left, open, nodes, leafValues);
            Consider(right, open, nodes, leafValues);
        }
        foreach (var leaf in open) MakeLeaf(leaf, nodes, leafValues);
        return new BoostedTree(nodes.ToArray(), leafValues.ToArray());
    }

    /// <summary>Finds a leaf's best split; a leaf that cannot gain from one is final at once.</summary>
    void Consider(Leaf leaf, List<Leaf> open, List<TreeNode> nodes, List<float> leafValues)
    {
        bool deepEnough = _settings.MaxDepth is { } max && leaf.Depth >= max;
        if (!deepEnough && leaf.Count >= 2 * _settings.MinSamplesLeaf && FindSplit(leaf, out leaf.Best))
        {
            open.Add(leaf);
            return;
        }
        MakeLeaf(leaf, nodes, leafValues);
    }

    void MakeLeaf(Leaf leaf, List<TreeNode> nodes, List<float> leafValues)
    {
        float value = (float)(-_settings.LearningRate * leaf.G / (leaf.H + _settings.L2Regularization + 1e-15));
        nodes[leaf.Node] = new TreeNode { Feature = -1, Left = leafValues.Count };
        leafValues.Add(value);
        LeafRanges.Add((leaf.Start, leaf.Count, value));
        if (leaf.Histogram is { } h) _free.Push(h);
        leaf.Histogram = null;
    }

    bool FindSplit(Leaf leaf, out Split best)
    {
        best = default;
        var hist = leaf.Histogram!;
        double lambda = _settings.L2Regularization, minHessian = BoostingSettings.MinHessianToSplit;
        int minLeaf = _settings.MinSamplesLeaf;
        double parentScore = leaf.G * leaf.G / (leaf.H + lambda);
        bool found = false;
        var sums = hist.Sums;
        for (int f = 0; f < _features; f++)
        {
            int start = _offset[f], bins = _offset[f + 1] - start;
            double gl = 0, hl = 0;
            int cl = 0;
            for (int b = 0; b < bins - 1; b++)
            {
                int at = 3 * (start + b);
                gl += sums[at];
                hl += sums[at + 1];
                cl += (int)sums[at + 2];
                if (cl < minLeaf) continue;
                if (leaf.Count - cl < minLeaf) break;
                double hr = leaf.H - hl;
                if (hl < minHessian || hr < minHessian) continue;
                double gr = leaf.G - gl;
                double gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parentScore;
                if (gain > best.Gain)
                {
                    best = new Split { Feature = f, Bin = b, Gain = gain, GLeft = gl, HLeft = hl };
                    found = true;
                }
            }
        }
        return found;
    }

    void Fill(Histogram hist, Leaf leaf, float[] gradients, float[] hessians)
    {
        var sums = hist.Sums;
        Array.Clear(sums);
        var samples = Indices.AsSpan(leaf.Start, leaf.Count);
        // The leaf's gradients in sample order once, so the loop over features reads only the bins at random.
        var orderedG = _orderedGradients.AsSpan(0, samples.Length);
        var orderedH = _orderedHessians.AsSpan(0, samples.Length);
        for (int j = 0; j < samples.Length; j++)
        {
            orderedG[j] = gradients[samples[j]];
            orderedH[j] = hessians[samples[j]];
        }
        for (int f = 0; f < _features; f++)
        {
            var column = _bins.AsSpan(f * _samples, _samples);
            var feature = sums.AsSpan(3 * _offset[f]);
            for (int j = 0; j < samples.Length; j++)
            {
                int at = 3 * column[samples[j]];
                feature[at] += orderedG[j];
                feature[at + 1] += orderedH[j];
                feature[at + 2] += 1;
            }
        }
    }

    static void Subtract(Histogram from, Histogram part)
    {
        var a = from.Sums.AsSpan();
        ReadOnlySpan<double> b = part.Sums;
        int i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
            for (int width = System.Numerics.Vector<double>.Count; i <= a.Length - width; i += width)
                (new System.Numerics.Vector<double>(a[i..]) - new System.Numerics.Vector<double>(b[i..])).CopyTo(a[i..]);
        for (; i < a.Length; i++) a[i] -= b[i];
    }

    /// <summary>Stable partition of the leaf's samples: those in bins up to the split's first. Returns their number.</summary>
    int Partition(Leaf leaf, Split split)
    {
        var column = _bins.AsSpan(split.Feature * _samples, _samples);
        var samples = Indices.AsSpan(leaf.Start, leaf.Count);
        int left = 0, right = 0;
        foreach (int i in samples)
        {
            if (column[i] <= split.Bin) samples[left++] = i;
            else _scratch[right++] = i;
        }
        _scratch.AsSpan(0, right).CopyTo(samples[left..]);
        return left;
    }

    Histogram Rent() => _free.Count > 0 ? _free.Pop() : new Histogram(_totalBins);
}
