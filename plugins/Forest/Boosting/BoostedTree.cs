namespace LstmFcn.Plugins.Forest.Boosting;

/// <summary>
/// One regression tree of a boosted ensemble: nodes in one array (root first; a split sends a value at most
/// <see cref="TreeNode.Threshold"/> left) and one raw score per leaf (leaf nodes hold their leaf index in
/// <see cref="TreeNode.Left"/>), learning rate already applied.
/// </summary>
public sealed class BoostedTree
{
    public BoostedTree(TreeNode[] nodes, float[] leafValues)
    {
        Nodes = nodes;
        LeafValues = leafValues;
    }

    public TreeNode[] Nodes { get; }
    public float[] LeafValues { get; }

    public float Predict(ReadOnlySpan<float> features)
    {
        var nodes = Nodes;
        int i = 0;
        while (nodes[i].Feature >= 0)
            i = features[nodes[i].Feature] <= nodes[i].Threshold ? nodes[i].Left : nodes[i].Right;
        return LeafValues[nodes[i].Left];
    }
}

/// <summary>
/// A fitted multi-class boosted ensemble: a baseline score per class (the log of its prior) plus, per iteration, one
/// tree per class; class probabilities are the softmax of the summed scores.
/// </summary>
public sealed class BoostedEnsemble
{
    public BoostedEnsemble(float[] baseline, BoostedTree[][] trees, int features)
    {
        Baseline = baseline;
        Trees = trees;
        Features = features;
    }

    public float[] Baseline { get; }
    /// <summary>[iteration][class].</summary>
    public BoostedTree[][] Trees { get; }
    public int Classes => Baseline.Length;
    public int Features { get; }

    /// <summary>Probabilities of every row (row-major, one row per series), in parallel over rows.</summary>
    public float[] PredictProbabilities(float[][] rows, int threads, CancellationToken cancel)
    {
        int k = Classes;
        var result = new float[rows.Length * k];
        Parallel.For(0, rows.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancel },
            () => new double[2 * k],
            (i, _, buffer) =>
            {
                var scores = buffer.AsSpan(0, k);
                var probabilities = buffer.AsSpan(k, k);
                for (int c = 0; c < k; c++) scores[c] = Baseline[c];
                foreach (var iteration in Trees)
                    for (int c = 0; c < k; c++) scores[c] += iteration[c].Predict(rows[i]);
                Softmax.Into(scores, probabilities);
                for (int c = 0; c < k; c++) result[i * k + c] = (float)probabilities[c];
                return buffer;
            },
            _ => { });
        return result;
    }
}

static class Softmax
{
    public static void Into(ReadOnlySpan<double> scores, Span<double> probabilities)
    {
        double max = double.NegativeInfinity;
        foreach (var s in scores) max = Math.Max(max, s);
        double sum = 0;
        for (int c = 0; c < scores.Length; c++) sum += probabilities[c] = Math.Exp(scores[c] - max);
        for (int c = 0; c < scores.Length; c++) probabilities[c] /= sum;
    }
}
