namespace LstmFcn.Plugins.Forest;

/// <summary>
/// A fitted forest: its trees over a fixed number of features and classes. A sample's class probabilities are the
/// mean over the trees of the class frequencies of the leaf it reaches (as scikit-learn's predict_proba).
/// </summary>
public sealed class RandomForest
{
    public RandomForest(IReadOnlyList<DecisionTree> trees, int features, int classes)
    {
        if (trees.Count == 0) throw new ArgumentException("a forest has at least one tree");
        Trees = trees;
        Features = features;
        Classes = classes;
    }

    public IReadOnlyList<DecisionTree> Trees { get; }
    public int Features { get; }
    public int Classes { get; }

    /// <summary>
    /// Class probabilities of each row (row-major, rows × classes), in parallel over rows. Each row sums its trees in
    /// tree order, so the result does not depend on the number of threads.
    /// </summary>
    public float[] PredictProbabilities(IReadOnlyList<float[]> rows, int threads, CancellationToken cancel)
    {
        int k = Classes;
        var result = new float[rows.Count * k];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancel };
        const int Block = 64; // rows per work item: enough work to outweigh scheduling, few enough to balance
        int blocks = (rows.Count + Block - 1) / Block;
        Parallel.For(0, blocks, options, () => new double[k], (b, _, sums) =>
        {
            int end = Math.Min(rows.Count, (b + 1) * Block);
            for (int i = b * Block; i < end; i++)
            {
                Array.Clear(sums);
                var row = rows[i];
                foreach (var tree in Trees) AddLeaf(sums, tree.Predict(row));
                for (int c = 0; c < k; c++) result[i * k + c] = (float)(sums[c] / Trees.Count);
            }
            return sums;
        }, _ => { });
        return result;
    }

    static void AddLeaf(double[] sums, ReadOnlySpan<float> leaf)
    {
        for (int c = 0; c < leaf.Length; c++) sums[c] += leaf[c];
    }

    /// <summary>
    /// Out-of-bag accuracy: each training row is predicted by the trees that did not see it. Rows that every tree
    /// saw (likely only with very few trees) are left out and counted in <see cref="OutOfBagScore.Unscored"/>.
    /// </summary>
    public OutOfBagScore OutOfBag(IReadOnlyList<float[]> rows, IReadOnlyList<int> labels, IReadOnlyList<InBagSet> inBag,
        int threads, CancellationToken cancel)
    {
        int k = Classes;
        var predicted = new int[rows.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancel };
        Parallel.For(0, rows.Count, options, () => new double[k], (i, _, sums) =>
        {
            Array.Clear(sums);
            int voters = 0;
            for (int t = 0; t < Trees.Count; t++)
            {
                if (inBag[t].Contains(i)) continue;
                AddLeaf(sums, Trees[t].Predict(rows[i]));
                voters++;
            }
            int best = -1;
            if (voters > 0)
            {
                best = 0;
                for (int c = 1; c < k; c++) if (sums[c] > sums[best]) best = c;
            }
            predicted[i] = best;
            return sums;
        }, _ => { });

        int scored = 0, correct = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            if (predicted[i] < 0) continue;
            scored++;
            if (predicted[i] == labels[i]) correct++;
        }
        return new OutOfBagScore(scored == 0 ? double.NaN : correct / (double)scored, scored, rows.Count - scored);
    }
}
