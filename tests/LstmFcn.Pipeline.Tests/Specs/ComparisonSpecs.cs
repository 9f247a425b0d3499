using LstmFcn.Pipeline.Comparison;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>lstmfcn compare</c>: ranks, Wilcoxon signed-rank p-values and the Nemenyi CD against hand-computed values and
/// textbook examples (Demšar 2006), cross-checked with scipy 1.10 where scipy computes the same thing.
/// </summary>
[Collection(LibTorchCollection.Name)]
public sealed class ComparisonSpecs
{
    [Fact]
    public void Ranks_put_the_best_first_and_share_ties()
    {
        Assert.Equal(new[] { 1.5, 3, 1.5, 4 }, Ranking.Ranks(new[] { 0.9, 0.8, 0.9, 0.7 }, higherIsBetter: true));
        Assert.Equal(new[] { 2.0, 2, 2, 4 }, Ranking.Ranks(new[] { 0.5, 0.5, 0.5, 0.1 }, higherIsBetter: true));
        Assert.Equal(new[] { 1.0, 2 }, Ranking.Ranks(new[] { 0.1, 0.4 }, higherIsBetter: false));
        Assert.Equal(Math.Sqrt(2), Ranking.GeometricMean(new[] { 1.0, 2.0 }), 12);
    }

    [Fact]
    public void Wilcoxon_exact_p_values_match_the_sign_pattern_count()
    {
        // d = 1, 2, 3: W+ = 6 is the largest of 8 equally likely sums → p = 2 · 1/8.
        var all = Wilcoxon.SignedRank(new double[] { 1, 2, 3 }, new double[] { 0, 0, 0 });
        Assert.Equal((6.0, 0.0, 0.25, "exact"), (all.RankSumPositive, all.RankSumNegative, all.PValue, all.Method));
        // d = 1, −2, 3, 4: W+ = 8; subset sums of {1,2,3,4} ≥ 8 are 8, 9, 10 → p = 2 · 3/16 (scipy: 0.375).
        var mixed = Wilcoxon.SignedRank(new double[] { 1, -2, 3, 4 }, new double[] { 0, 0, 0, 0 });
        Assert.Equal(8, mixed.RankSumPositive);
        Assert.Equal(2, mixed.Statistic);
        Assert.Equal(0.375, mixed.PValue, 12);
    }

    [Fact]
    public void Wilcoxon_drops_zero_differences_and_shares_tied_ranks()
    {
        var zeros = Wilcoxon.SignedRank(new double[] { 1, 2, 3, 4 }, new double[] { 1, 1, 1, 1 });
        Assert.Equal((4, 3, 0.25), (zeros.Pairs, zeros.NonZero, zeros.PValue));
        // |d| = 1, 1, 2 → ranks 1.5, 1.5, 3; W+ = W− = 3, the centre of the distribution → p = 1.
        var ties = Wilcoxon.SignedRank(new double[] { 1, 1, -2 }, new double[] { 0, 0, 0 });
        Assert.Equal((3.0, 3.0, 1.0), (ties.RankSumPositive, ties.RankSumNegative, ties.PValue));
        var none = Wilcoxon.SignedRank(new double[] { 0.5, 0.7 }, new double[] { 0.5, 0.7 });
        Assert.Equal(1.0, none.PValue);
    }

    [Fact]
    public void Wilcoxon_on_demsars_c45_example()
    {
        // Demšar (2006), Table 2: C4.5 against C4.5 with m tuned on 14 data sets. Two zero differences are dropped,
        // 0.005 and −0.005 share rank 1.5: W− = 6.5, W+ = 71.5 over 12 pairs. Exact p over the 4096 sign patterns
        // of these ranks = 30/4096 (brute-force count); scipy, which falls back to the normal approximation when
        // zeros are present, gives 0.0108.
        double[] c45 = { 0.763, 0.599, 0.954, 0.628, 0.882, 0.936, 0.661, 0.583, 0.775, 1.000, 0.940, 0.619, 0.972, 0.957 };
        double[] c45m = { 0.768, 0.591, 0.971, 0.661, 0.888, 0.931, 0.668, 0.583, 0.838, 1.000, 0.962, 0.666, 0.981, 0.978 };
        var r = Wilcoxon.SignedRank(c45m.Select(v => Math.Round(v, 3)).ToArray(), c45);
        Assert.Equal(12, r.NonZero);
        Assert.Equal(6.5, r.Statistic, 9);
        Assert.Equal(71.5, r.RankSumPositive, 9);
        Assert.Equal(30 / 4096.0, r.PValue, 12);
        Assert.Equal("exact", r.Method);
    }

    [Fact]
    public void Wilcoxon_uses_the_tie_corrected_normal_approximation_beyond_25_pairs()
    {
        // d = −1..−5, 6..30: W− = 15; scipy.stats.wilcoxon(d, method='approx') = 7.690859302848515e-06.
        var d = Enumerable.Range(1, 30).Select(i => i <= 5 ? -(double)i : i).ToArray();
        var r = Wilcoxon.SignedRank(d, new double[30]);
        Assert.Equal("normal approximation", r.Method);
        Assert.Equal(15, r.Statistic);
        Assert.Equal(7.690859302848515e-06, r.PValue, 1e-9);
        // With ties (several |d| equal): scipy gives 2.2408550399050124e-05.
        var tied = new[] { 1.5, -0.5, 2.5, 2.5, -1.0, 3.0, 0.5, 4.0, -2.5, 1.0 }.Concat(Enumerable.Range(1, 20).Select(i => i * 0.25)).ToArray();
        var t = Wilcoxon.SignedRank(tied, new double[tied.Length]);
        Assert.Equal(26.5, t.Statistic, 9);
        Assert.Equal(2.2408550399050124e-05, t.PValue, 1e-9);
    }

    [Fact]
    public void Nemenyi_critical_difference_matches_demsar()
    {
        // Demšar (2006), section 3.2.2: four algorithms on 14 data sets, CD = 2.569 √(4·5 / (6·14)) = 1.25.
        Assert.Equal(1.2535, Nemenyi.CriticalDifference(4, 14)!.Value, 3);
        Assert.Null(Nemenyi.CriticalDifference(11, 14));
        Assert.Null(Nemenyi.CriticalDifference(1, 14));
    }

    [Fact]
    public void Friedman_test_matches_demsars_four_algorithm_example()
    {
        // Demšar (2006), section 3.2.2: mean ranks 3.143, 2.000, 2.893, 1.964 over 14 data sets give χ²_F = 9.28 and
        // F_F = 3.69; the F(3, 39) critical value at α = 0.05 is 2.85, so the test rejects.
        var r = Friedman.Test(new[] { 3.143, 2.000, 2.893, 1.964 }, 14)!;
        Assert.Equal(9.28, r.ChiSquare, 2);
        Assert.Equal(3.69, r.ImanDavenportF, 2);
        Assert.Equal((3, 3, 39), (r.ChiSquareDegreesOfFreedom, r.NumeratorDegreesOfFreedom, r.DenominatorDegreesOfFreedom));
        Assert.InRange(r.ImanDavenportPValue, 0.01, 0.05);
        Assert.InRange(r.ChiSquarePValue, 0.01, 0.05);

        // Equal mean ranks: nothing to find. The same order on every dataset: χ² = N(k−1), F infinite, p = 0.
        Assert.Equal(1.0, Friedman.Test(new[] { 2.0, 2.0, 2.0 }, 10)!.ImanDavenportPValue, 12);
        var unanimous = Friedman.Test(new[] { 1.0, 2.0, 3.0 }, 10)!;
        Assert.Equal(20.0, unanimous.ChiSquare, 9);
        Assert.Equal(0.0, unanimous.ImanDavenportPValue);
        Assert.Null(Friedman.Test(new[] { 1.0, 2.0 }, 1));
    }

    [Theory]
    // χ² with 2 df is exponential: P(X > x) = exp(−x/2). Table values: χ²(1) 3.841, χ²(3) 7.815, χ²(10) 18.307
    // at 0.05; χ²(4) 13.277 at 0.01.
    [InlineData(2, 5.0, 0.0820849986238988, 1e-12)]
    [InlineData(1, 3.841459, 0.05, 1e-6)]
    [InlineData(3, 7.814728, 0.05, 1e-6)]
    [InlineData(10, 18.307038, 0.05, 1e-6)]
    [InlineData(4, 13.276704, 0.01, 1e-6)]
    public void Chi_squared_upper_tails_match_the_tables(int df, double x, double p, double tolerance) =>
        Assert.Equal(p, ChiSquared.UpperTail(x, df), tolerance);

    [Theory]
    // F table values at 0.05: F(2, 10) 4.102821, F(3, 39) 2.845068, F(1, 1) 161.4476; F(5, 20) 4.102684 at 0.01.
    // F(2, 2): P(X > f) = 1 / (1 + f) exactly.
    [InlineData(2, 10, 4.102821, 0.05, 1e-6)]
    [InlineData(3, 39, 2.845068, 0.05, 1e-6)]
    [InlineData(1, 1, 161.4476, 0.05, 1e-6)]
    [InlineData(5, 20, 4.102684, 0.01, 1e-6)]
    [InlineData(2, 2, 3.0, 0.25, 1e-12)]
    public void F_upper_tails_match_the_tables(int d1, int d2, double f, double p, double tolerance) =>
        Assert.Equal(p, FisherF.UpperTail(f, d1, d2), tolerance);

    static RunRecord Run(string dataset, string model, double accuracy, int classes = 2, params (string, string)[] args) =>
        new($"/runs/{dataset}-{model}-{accuracy}", dataset, model, args.ToDictionary(a => a.Item1, a => a.Item2),
            accuracy, (1 - accuracy) / classes, classes, DateTime.UtcNow);

    [Fact]
    public void Table_counts_wins_mpce_and_mean_ranks_over_complete_datasets()
    {
        var table = ComparisonTable.Build(new[]
        {
            Run("A", "m1", 0.9), Run("A", "m2", 0.8), Run("A", "m3", 0.9),
            Run("B", "m1", 0.7, classes: 4), Run("B", "m2", 0.75, classes: 4), Run("B", "m3", 0.6, classes: 4),
            Run("C", "m1", 0.5),                                                  // m2, m3 missing: not ranked
        });
        Assert.Equal(new[] { "A", "B", "C" }, table.Datasets);
        Assert.Equal(new[] { "m1", "m2", "m3" }, table.Models);
        Assert.Equal(new[] { 0, 1 }, table.CompleteDatasets);
        // A: ranks 1.5, 3, 1.5; B: 2, 1, 3.
        Assert.Equal(new[] { 1.75, 2.0, 2.25 }, table.MeanRank);
        Assert.Equal(Math.Sqrt(3), table.GeometricMeanRank[0], 12);
        Assert.Equal(new[] { 1, 1, 1 }, table.Wins);                          // A's tie is a win for m1 and m3
        Assert.Equal((0.1 / 2 + 0.3 / 4) / 2, table.Mpce[0], 12);
        Assert.Null(table.Accuracy(2, 1));
        Assert.Equal(2, table.Pairwise[0, 2]!.Pairs);
    }

    [Fact]
    public void Variants_of_one_plugin_are_told_apart_by_the_arguments_that_differ_on_a_dataset()
    {
        var table = ComparisonTable.Build(new[]
        {
            Run("A", "lstm-fcn", 0.9, 2, ("se", "false"), ("batch_size", "128")),
            Run("A", "lstm-fcn", 0.95, 2, ("se", "true"), ("batch_size", "128")),
            Run("B", "lstm-fcn", 0.8, 2, ("se", "false"), ("batch_size", "16")),   // batch differs only across datasets
        });
        Assert.Equal(new[] { "lstm-fcn[se=false]", "lstm-fcn[se=true]" }, table.Models);
        Assert.Equal(0.8, table.Accuracy(1, 0));
    }

    [Fact]
    public void Run_directories_are_read_with_their_dataset_and_model_and_bad_files_named()
    {
        using var temp = new TempFolder();
        temp.Write("old/run.json", """{"pipeline": "p", "status": "succeeded", "started_utc": "2026-01-01T00:00:00Z"}""");
        temp.Write("old/metrics.json", """{"accuracy": 0.75, "per_class_error": 0.125, "classes": [{"name": "a"}, {"name": "b"}]}""");
        temp.Write("old/pipeline.resolved.yaml", "name: p\nloader:\n  plugin: ucr\n  with:\n    train: /d/GunPoint/GunPoint_TRAIN.tsv\nmodel:\n  plugin: 1nn\n  with:\n    distance: dtw\n    window: 1\n");
        var old = RunRecord.Read(temp["old"], out _)!;
        Assert.Equal(("GunPoint", "1nn", "dtw", 0.75, 0.125, 2), (old.Dataset, old.ModelPlugin, old.ModelArguments["distance"], old.Accuracy, old.PerClassError, old.Classes));

        temp.Write("new/run.json", """{"pipeline": "p", "dataset": "Coffee", "status": "succeeded"}""");
        temp.Write("new/metrics.json", """{"accuracy": "high", "classes": []}""");
        temp.Write("new/pipeline.resolved.yaml", "name: p\nmodel:\n  plugin: 1nn\n");
        var e = Assert.Throws<InvalidDataException>(() => RunRecord.Read(temp["new"], out _));
        Assert.Contains("metrics.json: field 'accuracy' must be a number", e.Message);

        temp.Write("failed/run.json", """{"pipeline": "p", "status": "failed"}""");
        Assert.Null(RunRecord.Read(temp["failed"], out var reason));
        Assert.Equal("status 'failed'", reason);
    }

    static void WriteRun(TempFolder temp, string name, string dataset, string model, string distance, double accuracy)
    {
        temp.Write($"runs/{name}/run.json", $$"""{"pipeline": "{{name}}", "dataset": "{{dataset}}", "model": "{{model}}", "status": "succeeded", "started_utc": "2026-01-01T00:00:00Z"}""");
        temp.Write($"runs/{name}/metrics.json", $$"""{"accuracy": {{accuracy.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "classes": [{"name": "a"}, {"name": "b"}]}""");
        temp.Write($"runs/{name}/pipeline.resolved.yaml", $"name: {name}\nmodel:\n  plugin: {model}\n  with:\n    distance: {distance}\n");
    }

    [Fact]
    public void Compare_writes_the_table_the_tests_and_the_rank_plot()
    {
        using var temp = new TempFolder();
        WriteRun(temp, "a-ed", "A", "1nn", "euclidean", 0.8);
        WriteRun(temp, "a-dtw", "A", "1nn", "dtw", 0.9);
        WriteRun(temp, "b-ed", "B", "1nn", "euclidean", 0.7);
        WriteRun(temp, "b-dtw", "B", "1nn", "dtw", 0.6);
        temp.Write("runs/broken/run.json", """{"pipeline": "x", "status": "running"}""");

        var result = Cli.Run(temp.Path, "compare", temp["runs"], "--output", temp["out"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("| A | **0.9000** | 0.8000 |", result.Stdout);
        Assert.Contains("skipped", result.Stdout);
        var csv = File.ReadAllLines(temp["out/comparison.csv"]);
        Assert.Equal("dataset,1nn[distance=dtw],1nn[distance=euclidean]", csv[0]);
        Assert.Equal("wins,1,1", csv[3]);
        Assert.Equal("mean_rank,1.5,1.5", csv[5]);
        Assert.Equal("iman_davenport_p,1,", csv[10]);                                   // equal mean ranks
        Assert.Contains("Friedman test over 2 dataset(s): χ²_F = 0.000 (1 df), p = 1.0000", result.Stdout);
        Assert.Contains(",2,2,1.5,1.5,1,exact", File.ReadAllText(temp["out/wilcoxon.csv"]));   // d = +0.1, −0.1: tied ranks, p = 1
        Assert.True(new FileInfo(temp["out/rank-plot.png"]).Length > 2000);

        var bad = Cli.Run(temp.Path, "compare", temp["nowhere"]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("no such directory", bad.Stderr);
    }

    [Fact]
    public void With_members_an_ensembles_members_are_compared_as_models_of_their_own()
    {
        using var temp = new TempFolder();
        foreach (var (dataset, ensemble, first, second) in new[] { ("A", 0.9, 0.8, 0.85), ("B", 0.7, 0.75, 0.6) })
        {
            temp.Write($"runs/{dataset}/run.json", $$"""{"pipeline": "p", "dataset": "{{dataset}}", "model": "lstm-fcn+minirocket", "status": "succeeded"}""");
            temp.Write($"runs/{dataset}/scores.json", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $$"""{"accuracy": {{ensemble}}, "classes": [{"name": "a"}, {"name": "b"}], "members": [{"model": "1-lstm-fcn", "accuracy": {{first}}}, {"model": "2-minirocket", "accuracy": {{second}}}]}"""));
            temp.Write($"runs/{dataset}/pipeline.resolved.yaml", "name: p\nmodel:\n  ensemble: [lstm-fcn, minirocket]\n");
        }

        var plain = Cli.Run(temp.Path, "compare", temp["runs"], "--output", temp["plain"]);
        var members = Cli.Run(temp.Path, "compare", temp["runs"], "--output", temp["members"], "--members");

        Assert.True(members.ExitCode == 0, members.ToString());
        Assert.Equal(2, File.ReadAllLines(temp["plain/comparison.csv"])[0].Split(',').Length);
        // A member's name is its plugin's (with member-of= only where two variants of one plugin must be told apart).
        Assert.Equal("dataset,lstm-fcn,lstm-fcn+minirocket,minirocket", File.ReadAllLines(temp["members/comparison.csv"])[0]);
        Assert.Contains("| A | 0.8000 | **0.9000** | 0.8500 |", members.Stdout);
        Assert.Contains("| B | **0.7500** | 0.7000 | 0.6000 |", members.Stdout);
    }
}
