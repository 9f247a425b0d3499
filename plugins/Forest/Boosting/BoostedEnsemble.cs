namespace LstmFcn.Plugins.Forest.Boosting;

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
