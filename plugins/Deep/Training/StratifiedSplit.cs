namespace LstmFcn.Plugins.Deep.Training;

/// <summary>Carves a validation part out of the training set, class by class, reproducibly from a random stream.</summary>
public static class StratifiedSplit
{
    public static (int[] Fit, int[] Validation) Split(IReadOnlyList<int> labels, double fraction, Random rng)
    {
        var fit = new List<int>();
        var validation = new List<int>();
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var members = group.ToArray();
            rng.Shuffle(members);
            // Keep at least one sample of every class on the training side.
            int take = Math.Min(members.Length - 1, (int)Math.Round(members.Length * fraction));
            validation.AddRange(members[..take]);
            fit.AddRange(members[take..]);
        }
        fit.Sort();
        validation.Sort();
        return (fit.ToArray(), validation.ToArray());
    }
}
