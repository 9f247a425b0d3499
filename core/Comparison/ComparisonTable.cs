namespace LstmFcn.Pipeline.Comparison;

/// <summary>
/// Accuracy per dataset × model and the statistics papers print under it. Rank-based figures (wins, MPCE, mean
/// ranks, Friedman test, Nemenyi CD) use the datasets every model has a result for; each pairwise Wilcoxon test uses the datasets
/// both of its models have.
/// </summary>
public sealed class ComparisonTable
{
    ComparisonTable(IReadOnlyList<string> datasets, IReadOnlyList<string> models, RunRecord?[,] runs, IReadOnlyList<string> notes)
    {
        Datasets = datasets;
        Models = models;
        Runs = runs;
        Notes = notes;
        int m = models.Count;
        CompleteDatasets = Enumerable.Range(0, datasets.Count).Where(d => Enumerable.Range(0, m).All(j => runs[d, j] is not null)).ToArray();

        Ranks = new double[datasets.Count, m];
        Wins = new int[m];
        var rankLists = Enumerable.Range(0, m).Select(_ => new List<double>()).ToArray();
        var errorLists = Enumerable.Range(0, m).Select(_ => new List<double>()).ToArray();
        for (int d = 0; d < datasets.Count; d++)
        {
            for (int j = 0; j < m; j++) Ranks[d, j] = double.NaN;
            if (!CompleteDatasets.Contains(d)) continue;
            var accuracies = Enumerable.Range(0, m).Select(j => runs[d, j]!.Accuracy).ToArray();
            var ranks = Ranking.Ranks(accuracies, higherIsBetter: true);
            double best = accuracies.Max();
            for (int j = 0; j < m; j++)
            {
                Ranks[d, j] = ranks[j];
                rankLists[j].Add(ranks[j]);
                errorLists[j].Add(runs[d, j]!.PerClassError);
                if (accuracies[j] == best) Wins[j]++;    // ties: a win for each tied model
            }
        }
        bool any = CompleteDatasets.Length > 0;
        MeanRank = rankLists.Select(r => any ? r.Average() : double.NaN).ToArray();
        GeometricMeanRank = rankLists.Select(r => any ? Ranking.GeometricMean(r) : double.NaN).ToArray();
        Mpce = errorLists.Select(e => any ? e.Average() : double.NaN).ToArray();
        CriticalDifference = Nemenyi.CriticalDifference(m, CompleteDatasets.Length);
        FriedmanTest = any ? Friedman.Test(MeanRank, CompleteDatasets.Length) : null;

        Pairwise = new WilcoxonResult?[m, m];
        for (int a = 0; a < m; a++)
        for (int b = a + 1; b < m; b++)
        {
            var shared = Enumerable.Range(0, datasets.Count).Where(d => runs[d, a] is not null && runs[d, b] is not null).ToArray();
            if (shared.Length == 0) continue;
            var result = Wilcoxon.SignedRank(shared.Select(d => runs[d, a]!.Accuracy).ToArray(), shared.Select(d => runs[d, b]!.Accuracy).ToArray());
            Pairwise[a, b] = Pairwise[b, a] = result;
        }
    }

    public IReadOnlyList<string> Datasets { get; }
    /// <summary>Model labels: the model plugin, plus the arguments that tell its variants apart (e.g. <c>lstm-fcn[se=true]</c>).</summary>
    public IReadOnlyList<string> Models { get; }
    /// <summary>[dataset, model]: the run, or null where that model has no run on that dataset.</summary>
    public RunRecord?[,] Runs { get; }
    public IReadOnlyList<string> Notes { get; }
    /// <summary>Indices of the datasets every model has a result for.</summary>
    public int[] CompleteDatasets { get; }
    /// <summary>[dataset, model] rank by accuracy (1 best, ties averaged); NaN on incomplete datasets.</summary>
    public double[,] Ranks { get; }
    public int[] Wins { get; }
    /// <summary>Mean per-class error (Wang et al. 2017): the mean over datasets of error / classes.</summary>
    public double[] Mpce { get; }
    public double[] MeanRank { get; }
    public double[] GeometricMeanRank { get; }
    /// <summary>Nemenyi critical difference at α = 0.05; null with fewer than 2 or more than 10 models, or no complete dataset.</summary>
    public double? CriticalDifference { get; }
    /// <summary>Friedman / Iman–Davenport test of the mean ranks; null with fewer than 2 models or 2 complete datasets.</summary>
    public FriedmanResult? FriedmanTest { get; }
    /// <summary>[a, b] = [b, a]: two-sided Wilcoxon signed-rank test of the accuracies of models a and b.</summary>
    public WilcoxonResult?[,] Pairwise { get; }

    public double? Accuracy(int dataset, int model) => Runs[dataset, model]?.Accuracy;

    public static ComparisonTable Build(IEnumerable<RunRecord> runs, IEnumerable<string>? notes = null)
    {
        var all = runs.ToList();
        var notesOut = (notes ?? Array.Empty<string>()).ToList();
        if (all.Count == 0) throw new InvalidDataException("no finished, scored run to compare");
        var labels = LabelModels(all);

        // One run per dataset × model: the newest, the others named in the notes.
        var chosen = new Dictionary<(string Dataset, string Model), RunRecord>();
        foreach (var group in all.GroupBy(r => (r.Dataset, Model: labels[r])))
        {
            var ordered = group.OrderByDescending(r => r.Started).ToList();
            chosen[group.Key] = ordered[0];
            foreach (var older in ordered.Skip(1))
                notesOut.Add($"{group.Key.Dataset} × {group.Key.Model}: kept the newest run {ordered[0].Directory}, ignored {older.Directory}");
        }
        var datasets = chosen.Keys.Select(k => k.Dataset).Distinct().OrderBy(d => d, StringComparer.OrdinalIgnoreCase).ToList();
        var models = chosen.Keys.Select(k => k.Model).Distinct().OrderBy(m => m, StringComparer.Ordinal).ToList();
        var table = new RunRecord?[datasets.Count, models.Count];
        foreach (var ((dataset, model), run) in chosen) table[datasets.IndexOf(dataset), models.IndexOf(model)] = run;
        return new ComparisonTable(datasets, models, table, notesOut);
    }

    /// <summary>
    /// The model plugin's name, plus the arguments in which two runs of that plugin on the same dataset differ: those
    /// are different models. Arguments that differ only between datasets (e.g. a per-dataset batch size) do not split.
    /// </summary>
    internal static Dictionary<RunRecord, string> LabelModels(IReadOnlyList<RunRecord> runs)
    {
        var labels = new Dictionary<RunRecord, string>(ReferenceEqualityComparer.Instance);
        foreach (var plugin in runs.GroupBy(r => r.ModelPlugin))
        {
            var distinguishing = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var sameDataset in plugin.GroupBy(r => r.Dataset))
            {
                var list = sameDataset.ToList();
                var keys = list.SelectMany(r => r.ModelArguments.Keys).Distinct();
                foreach (var key in keys)
                    if (list.Select(r => r.ModelArguments.GetValueOrDefault(key) ?? "").Distinct().Count() > 1) distinguishing.Add(key);
            }
            foreach (var run in plugin)
                labels[run] = distinguishing.Count == 0 ? plugin.Key
                    : $"{plugin.Key}[{string.Join(", ", distinguishing.Select(k => $"{k}={run.ModelArguments.GetValueOrDefault(k) ?? "–"}"))}]";
        }
        return labels;
    }
}
