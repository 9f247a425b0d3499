namespace LstmFcn.Pipeline.Engine.Evaluation;

/// <summary>
/// Assigns every sample to one of K folds so each class is spread as evenly as possible over the folds: per class,
/// the samples are shuffled (by the seed alone) and dealt out in turn, continuing where the previous class stopped so
/// fold sizes differ by at most one.
/// </summary>
public static class StratifiedFolds
{
    public static int[] Assign(IReadOnlyList<int> labels, int folds, int seed)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), "cross-validation needs at least 2 folds");
        if (labels.Count < folds)
            throw new InvalidOperationException($"{labels.Count} samples cannot be split into {folds} folds");
        var byClass = new SortedDictionary<int, List<int>>();
        for (int i = 0; i < labels.Count; i++)
        {
            if (!byClass.TryGetValue(labels[i], out var list)) byClass[labels[i]] = list = new List<int>();
            list.Add(i);
        }
        var rng = new Random(seed);
        var fold = new int[labels.Count];
        int next = 0;
        foreach (var (_, members) in byClass)
        {
            var order = members.ToArray();
            rng.Shuffle(order);
            foreach (var index in order)
            {
                fold[index] = next;
                next = (next + 1) % folds;
            }
        }
        return fold;
    }
}
