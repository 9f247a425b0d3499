namespace LstmFcn.Plugins.Forest;

/// <summary>
/// Fits a Breiman random forest: each tree on its own bootstrap sample with its own random stream (derived from the
/// seed and the tree's index), trees grown in parallel. The forest depends on the seed alone, never on the threads.
/// </summary>
public static class ForestTrainer
{
    /// <param name="rows">The same samples row-major (a series' values), for the out-of-bag score.</param>
    /// <param name="treeGrown">Called (from any thread) each time a tree is finished.</param>
    public static FittedForest Fit(FeatureMatrix data, IReadOnlyList<float[]> rows, int classes, ForestSettings settings,
        int seed, int threads, string step, CancellationToken cancel, Action? treeGrown = null)
    {
        int features = data.Features, tryFeatures = settings.MaxFeatures.Resolve(features, step);
        var labels = data.Labels;
        var classWeight = ClassWeights(labels, classes, settings.ClassWeight);
        // Growing needs only the ranks: the float matrix is not kept.
        var ranks = FeatureRanks.Of(data);
        var grown = new GrownTree[settings.Trees];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancel };
        Parallel.For(0, settings.Trees, options,
            () => new TreeGrower(ranks, labels, settings, classes, tryFeatures, classWeight),
            (t, _, grower) =>
            {
                grown[t] = grower.Grow(TreeRandom.ForTree(seed, t));
                treeGrown?.Invoke();
                return grower;
            },
            _ => { });

        var forest = new RandomForest(grown.Select(g => g.Tree).ToArray(), features, classes);
        var importances = FeatureImportance.Combine(grown.Select(g => g.Importance).ToArray(), features);
        var outOfBag = settings.Bootstrap
            ? forest.OutOfBag(rows, labels, grown.Select(g => g.InBag).ToArray(), threads, cancel)
            : null;
        return new FittedForest(forest, importances, outOfBag, tryFeatures);
    }

    /// <summary>
    /// Per-class weights. balanced: n / (classes present × samples of the class), as scikit-learn; balanced_subsample
    /// is computed per tree on its bootstrap sample by the grower, so here it is all ones like none.
    /// </summary>
    static double[] ClassWeights(int[] labels, int classes, ClassWeighting weighting)
    {
        var weights = new double[classes];
        if (weighting != ClassWeighting.Balanced)
        {
            Array.Fill(weights, 1.0);
            return weights;
        }
        var counts = new int[classes];
        foreach (var l in labels) counts[l]++;
        int present = counts.Count(c => c > 0);
        for (int c = 0; c < classes; c++) weights[c] = counts[c] > 0 ? labels.Length / (double)(present * counts[c]) : 0;
        return weights;
    }
}
