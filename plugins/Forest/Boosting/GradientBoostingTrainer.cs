namespace LstmFcn.Plugins.Forest.Boosting;

/// <summary>
/// Multi-class gradient boosting on the softmax cross-entropy, as scikit-learn's HistGradientBoostingClassifier: scores
/// start at the log class priors; each iteration takes the gradients p − y and hessians p(1 − p) of every sample and
/// class, grows one histogram tree per class on them (classes in parallel) and adds its shrunken leaf values to the
/// scores. Nothing is random, so the ensemble is the same on any number of threads.
/// </summary>
public static class GradientBoostingTrainer
{
    public static FittedBoosting Fit(FeatureMatrix matrix, int classes, BoostingSettings settings, int threads,
        CancellationToken cancel, Action<int, double, double>? iterationDone = null)
    {
        int n = matrix.Samples, k = classes;
        var labels = matrix.Labels;
        var weights = SampleWeights(labels, k, settings.BalancedClassWeight);

        var baseline = new float[k];
        double totalWeight = 0;
        var classWeight = new double[k];
        for (int i = 0; i < n; i++) { classWeight[labels[i]] += weights[i]; totalWeight += weights[i]; }
        for (int c = 0; c < k; c++) baseline[c] = (float)Math.Log(Math.Max(classWeight[c] / totalWeight, 1e-15));

        var bins = FeatureBins.Fit(matrix, settings.MaxBins);
        var binned = bins.Bin(matrix);
        var scores = new double[n * k];
        for (int i = 0; i < n; i++)
            for (int c = 0; c < k; c++) scores[i * k + c] = baseline[c];
        var gradients = new float[k][];
        var hessians = new float[k][];
        var gains = new double[k][];
        for (int c = 0; c < k; c++) { gradients[c] = new float[n]; hessians[c] = new float[n]; gains[c] = new double[matrix.Features]; }
        var growers = new Stack<HistogramTreeGrower>();
        var trees = new BoostedTree[settings.Iterations][];
        var probabilities = new double[k];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancel };

        for (int it = 0; it < settings.Iterations; it++)
        {
            cancel.ThrowIfCancellationRequested();
            for (int i = 0; i < n; i++)
            {
                Softmax.Into(scores.AsSpan(i * k, k), probabilities);
                int y = labels[i];
                float w = weights[i];
                for (int c = 0; c < k; c++)
                {
                    double p = probabilities[c];
                    gradients[c][i] = (float)(w * (p - (c == y ? 1 : 0)));
                    hessians[c][i] = (float)(w * p * (1 - p));
                }
            }

            var round = trees[it] = new BoostedTree[k];
            Parallel.For(0, k, options,
                () => { lock (growers) return growers.Count > 0 ? growers.Pop() : new HistogramTreeGrower(binned, bins, n, settings); },
                (c, _, grower) =>
                {
                    round[c] = grower.Grow(gradients[c], hessians[c], gains[c]);
                    // Each class owns its column of the scores, so trees of different classes never write the same cell.
                    foreach (var (start, count, value) in grower.LeafRanges)
                        foreach (int i in grower.Indices.AsSpan(start, count))
                            scores[i * k + c] += value;
                    return grower;
                },
                grower => { lock (growers) growers.Push(grower); });
            var (loss, accuracy) = Score(scores, labels, weights, k, totalWeight);
            iterationDone?.Invoke(it + 1, loss, accuracy);
        }

        var importances = new double[matrix.Features];
        for (int c = 0; c < k; c++)
            for (int f = 0; f < importances.Length; f++) importances[f] += gains[c][f];
        double sum = importances.Sum();
        if (sum > 0) for (int f = 0; f < importances.Length; f++) importances[f] /= sum;
        return new FittedBoosting(new BoostedEnsemble(baseline, trees, matrix.Features), importances);
    }

    /// <summary>1 per sample, or n / (classes × class count) with balanced class weights.</summary>
    static float[] SampleWeights(int[] labels, int classes, bool balanced)
    {
        var weights = new float[labels.Length];
        if (!balanced)
        {
            Array.Fill(weights, 1f);
            return weights;
        }
        var counts = new int[classes];
        foreach (var y in labels) counts[y]++;
        for (int i = 0; i < labels.Length; i++) weights[i] = (float)(labels.Length / ((double)classes * counts[labels[i]]));
        return weights;
    }

    static (double Loss, double Accuracy) Score(double[] scores, int[] labels, float[] weights, int k, double totalWeight)
    {
        var p = new double[k];
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            var row = scores.AsSpan(i * k, k);
            Softmax.Into(row, p);
            loss -= weights[i] * Math.Log(Math.Max(p[labels[i]], 1e-15));
            if (ArgMax(row) == labels[i]) correct++;
        }
        return (loss / totalWeight, correct / (double)labels.Length);
    }

    static int ArgMax(ReadOnlySpan<double> row)
    {
        int best = 0;
        for (int c = 1; c < row.Length; c++) if (row[c] > row[best]) best = c;
        return best;
    }
}
