namespace LstmFcn.Plugins.Forest;

/// <summary>
/// Grows CART classification trees (Gini impurity) the way scikit-learn's best splitter does: at each node, up to
/// <c>max_features</c> randomly drawn non-constant features are tried, each by sorting the node's values (as ranks,
/// see <see cref="FeatureRanks"/>) and scanning every threshold between distinct values. One grower per thread: it owns
/// every buffer it uses and reuses them for each node and each tree, so growing allocates only the finished tree.
/// </summary>
public sealed class TreeGrower
{
    readonly int[] _labels;
    readonly FeatureRanks _ranks;
    readonly ForestSettings _settings;
    readonly int _classes;
    readonly int _tryFeatures;
    readonly double[] _classWeight; // per class, for class_weight: balanced (else all 1)

    // Work buffers, reused for every node of every tree this grower grows.
    readonly int[] _bootstrapCounts;
    readonly double[] _weight;      // per sample: bootstrap count × class weight; 0 = not in the bag
    readonly int[] _samples;        // in-bag sample indices; every node owns a contiguous range, partitioned in place
    readonly ulong[] _sorted;       // (rank above the node's lowest << 32 | sample) for the feature under evaluation
    readonly ulong[] _sortScratch;
    readonly int[] _histogram = new int[256];
    readonly int[] _featureOrder;   // features, partially shuffled at each node to draw candidates without replacement
    readonly double[] _nodeCounts, _left, _right;
    readonly double[] _subsampleClassWeight;
    readonly double[] _importance;
    NodeTask[] _stack = new NodeTask[64];
    TreeNode[] _nodes = new TreeNode[256];
    float[] _leafValues = new float[1024];

    public TreeGrower(FeatureRanks ranks, int[] labels, ForestSettings settings, int classes, int tryFeatures, double[] classWeight)
    {
        _labels = labels;
        _ranks = ranks;
        _settings = settings;
        _classes = classes;
        _tryFeatures = tryFeatures;
        _classWeight = classWeight;
        int n = ranks.Samples;
        _bootstrapCounts = new int[n];
        _weight = new double[n];
        _samples = new int[n];
        _sorted = new ulong[n];
        _sortScratch = new ulong[n];
        _featureOrder = new int[ranks.Features];
        _nodeCounts = new double[classes];
        _left = new double[classes];
        _right = new double[classes];
        _subsampleClassWeight = new double[classes];
        _importance = new double[ranks.Features];
    }

    record struct NodeTask(int Start, int End, int Depth, int Parent, bool IsLeft);

    /// <summary>
    /// Split found for a node: the feature, the highest rank sent left and the lowest sent right (ranks between them
    /// occur in other nodes only), left size and the Gini proxy it reaches.
    /// </summary>
    struct Split
    {
        public int Feature;
        public int LastLeftRank;
        public int FirstRightRank;
        public int LeftCount;
        public double Proxy;
    }

    public GrownTree Grow(TreeRandom random)
    {
        int n = _ranks.Samples;
        var labels = _labels;
        DrawSample(ref random);

        int inBag = 0;
        for (int i = 0; i < n; i++)
            if (_weight[i] > 0) _samples[inBag++] = i;
        for (int f = 0; f < _featureOrder.Length; f++) _featureOrder[f] = f;
        Array.Clear(_importance);

        int nodeCount = 0, leafCount = 0, stackSize = 0;
        _stack[stackSize++] = new NodeTask(0, inBag, 0, -1, false);
        int maxDepth = _settings.MaxDepth ?? int.MaxValue;
        while (stackSize > 0)
        {
            var task = _stack[--stackSize];
            int start = task.Start, end = task.End, count = end - start;

            // Weighted class counts of the node and their sum of squares: Gini = 1 − Σ counts² / W².
            Array.Clear(_nodeCounts);
            double total = 0;
            for (int i = start; i < end; i++)
            {
                int s = _samples[i];
                _nodeCounts[labels[s]] += _weight[s];
                total += _weight[s];
            }
            double squares = 0;
            for (int c = 0; c < _classes; c++) squares += _nodeCounts[c] * _nodeCounts[c];
            double impurity = 1.0 - squares / (total * total);

            int index = nodeCount++;
            EnsureNodeCapacity(nodeCount);
            if (task.Parent >= 0)
            {
                if (task.IsLeft) _nodes[task.Parent].Left = index;
                else _nodes[task.Parent].Right = index;
            }

            var split = new Split { Feature = -1, Proxy = double.NegativeInfinity };
            bool leaf = task.Depth >= maxDepth || count < _settings.MinSamplesSplit || count < 2 * _settings.MinSamplesLeaf ||
                        impurity <= 1e-12;
            if (!leaf)
            {
                FindSplit(start, end, total, squares, ref random, ref split);
                leaf = split.Feature < 0;
            }

            if (leaf)
            {
                EnsureLeafCapacity((leafCount + 1) * _classes);
                for (int c = 0; c < _classes; c++) _leafValues[leafCount * _classes + c] = (float)(_nodeCounts[c] / total);
                _nodes[index] = new TreeNode { Feature = -1, Left = leafCount, Right = -1 };
                leafCount++;
                continue;
            }

            int middle = Partition(start, end, split.Feature, split.LastLeftRank);
            if (middle - start != split.LeftCount)
                throw new InvalidOperationException($"partition put {middle - start} samples left where the split search counted {split.LeftCount}");
            // Weighted impurity decrease = Σchildren counts²/w − Σnode counts²/W (in weight units, as scikit-learn sums it).
            _importance[split.Feature] += split.Proxy - squares / total;
            _nodes[index] = new TreeNode
            {
                Feature = split.Feature, Threshold = _ranks.ThresholdBetween(split.Feature, split.LastLeftRank, split.FirstRightRank), Left = -1, Right = -1
            };

            EnsureStackCapacity(stackSize + 2);
            _stack[stackSize++] = new NodeTask(middle, end, task.Depth + 1, index, false);
            _stack[stackSize++] = new NodeTask(start, middle, task.Depth + 1, index, true); // left first: depth-first, pre-order
        }

        var tree = new DecisionTree(_nodes.AsSpan(0, nodeCount).ToArray(), _leafValues.AsSpan(0, leafCount * _classes).ToArray(), _classes);
        return new GrownTree(tree, InBagSet.From(_bootstrapCounts), (double[])_importance.Clone());
    }

    /// <summary>Bootstrap counts (or all ones) and the sample weights they give with the class weights.</summary>
    void DrawSample(ref TreeRandom random)
    {
        int n = _ranks.Samples;
        var labels = _labels;
        if (_settings.Bootstrap)
        {
            Array.Clear(_bootstrapCounts);
            for (int i = 0; i < n; i++) _bootstrapCounts[random.NextInt(n)]++;
        }
        else Array.Fill(_bootstrapCounts, 1);

        double[] weights = _classWeight;
        if (_settings.ClassWeight == ClassWeighting.BalancedSubsample)
        {
            // Balanced on this tree's sample: draws / (classes drawn × draws of the class).
            var drawn = _subsampleClassWeight;
            Array.Clear(drawn);
            for (int i = 0; i < n; i++) drawn[labels[i]] += _bootstrapCounts[i];
            int present = 0;
            for (int c = 0; c < _classes; c++) if (drawn[c] > 0) present++;
            for (int c = 0; c < _classes; c++) drawn[c] = drawn[c] > 0 ? n / (present * drawn[c]) : 0;
            weights = drawn;
        }
        for (int i = 0; i < n; i++) _weight[i] = _bootstrapCounts[i] * weights[labels[i]];
    }

    /// <summary>
    /// The best split of samples [start, end) over up to max_features drawn features. Constant features do not count
    /// towards max_features, so a node with any variable feature among those left is split (as in scikit-learn).
    /// </summary>
    void FindSplit(int start, int end, double total, double squares, ref TreeRandom random, ref Split best)
    {
        int features = _featureOrder.Length, tried = 0;
        for (int j = 0; j < features && tried < _tryFeatures; j++)
        {
            int pick = j + random.NextInt(features - j);
            (_featureOrder[j], _featureOrder[pick]) = (_featureOrder[pick], _featureOrder[j]);
            if (EvaluateFeature(_featureOrder[j], start, end, total, squares, ref best)) tried++;
        }
    }

    /// <summary>Scans every threshold of one feature; false when the feature is constant in the node.</summary>
    bool EvaluateFeature(int feature, int start, int end, double total, double squares, ref Split best)
    {
        int n = _ranks.Samples, count = end - start;
        var ranks = _ranks.Ranks.AsSpan(feature * n, n);
        var samples = _samples.AsSpan(start, count);
        int lowest = int.MaxValue, highest = -1;
        for (int i = 0; i < samples.Length; i++)
        {
            int r = ranks[samples[i]];
            if (r < lowest) lowest = r;
            if (r > highest) highest = r;
        }
        if (highest == lowest) return false;
        // Ranks relative to the node's lowest: deep nodes span few ranks and sort in one radix pass.
        var sorted = _sorted.AsSpan(0, count);
        for (int i = 0; i < samples.Length; i++)
        {
            int s = samples[i];
            sorted[i] = ((ulong)(uint)(ranks[s] - lowest) << 32) | (uint)s;
        }
        RankSort.Sort(sorted, _sortScratch, _histogram, highest - lowest);

        var labels = _labels;
        var weight = _weight;
        var left = _left;
        var right = _right;
        Array.Clear(left);
        Array.Copy(_nodeCounts, right, _classes);
        double leftWeight = 0, rightWeight = total, leftSquares = 0, rightSquares = squares;
        int minLeaf = _settings.MinSamplesLeaf;
        uint previous = (uint)(sorted[0] >> 32);
        for (int p = 1; p < count; p++)
        {
            int s = (int)(uint)sorted[p - 1];
            int c = labels[s];
            double w = weight[s];
            // Move one sample from the right child to the left: update the counts' sums of squares in O(1).
            leftSquares += w * (2 * left[c] + w);
            left[c] += w;
            leftWeight += w;
            rightSquares += w * (w - 2 * right[c]);
            right[c] -= w;
            rightWeight -= w;

            uint current = (uint)(sorted[p] >> 32);
            uint below = previous;
            previous = current;
            if (current == below || p < minLeaf || count - p < minLeaf) continue;

            // Minimising the children's weighted Gini is maximising Σ left²/wL + Σ right²/wR.
            double proxy = leftSquares / leftWeight + rightSquares / rightWeight;
            if (proxy > best.Proxy)
            {
                best.Proxy = proxy;
                best.Feature = feature;
                best.LastLeftRank = (int)below + lowest;
                best.FirstRightRank = (int)current + lowest;
                best.LeftCount = p;
            }
        }
        return true;
    }

    /// <summary>Moves samples whose rank is at most the split's to the front of [start, end); returns the boundary.</summary>
    int Partition(int start, int end, int feature, int lastLeftRank)
    {
        int n = _ranks.Samples;
        var ranks = _ranks.Ranks.AsSpan(feature * n, n);
        var samples = _samples;
        int i = start, j = end - 1;
        while (i <= j)
        {
            if (ranks[samples[i]] <= lastLeftRank) i++;
            else
            {
                (samples[i], samples[j]) = (samples[j], samples[i]);
                j--;
            }
        }
        return i;
    }

    void EnsureNodeCapacity(int count)
    {
        if (count > _nodes.Length) Array.Resize(ref _nodes, _nodes.Length * 2);
    }

    void EnsureLeafCapacity(int count)
    {
        if (count > _leafValues.Length) Array.Resize(ref _leafValues, Math.Max(count, _leafValues.Length * 2));
    }

    void EnsureStackCapacity(int count)
    {
        if (count > _stack.Length) Array.Resize(ref _stack, _stack.Length * 2);
    }
}
