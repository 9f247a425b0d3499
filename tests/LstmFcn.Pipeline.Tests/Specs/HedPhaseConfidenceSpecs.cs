using System.Text.Json;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>phase-confidence</c> scores a predicted phase sequence as Sun et al. 2021 do: C0_upper ends the leading unbroken
/// run of phase 0, C1_lower starts the trailing unbroken run of phase 1, N_f = C1_lower − C0_upper − 1 spectra are
/// ambiguous and the confidence is 1 − N_f/N_t. Checked on hand-made sequences.
/// </summary>
public sealed class HedPhaseConfidenceSpecs : IDisposable
{
    readonly TempFolder _temp = new();
    public void Dispose() => _temp.Dispose();

    static readonly ClassLabels Phases = new(new[] { "phase0", "phase1" });

    /// <summary>A model that is only there because a run outcome needs one.</summary>
    sealed class NoModel : ITrainedModel
    {
        public ClassLabels Classes => Phases;
        public ProbabilityMatrix PredictProbabilities(TimeSeriesDataset data, RunContext context) => throw new NotSupportedException();
        public void Save(string directory) { }
        public TrainingHistory History => TrainingHistory.Empty;
        public void Dispose() { }
    }

    /// <summary>Runs the reporter on spectra predicted as <paramref name="predicted"/> (in dataset order, positions in <paramref name="index"/>).</summary>
    JsonElement Report(int[] predicted, int[]? index = null, params (string, object?)[] args)
    {
        index ??= Enumerable.Range(0, predicted.Length).ToArray();
        var samples = predicted.Select((_, i) => new TimeSeriesSample($"s{index[i]}", new float[] { 0 }, 1, index[i] < predicted.Length / 2 ? 0 : 1,
            new Dictionary<string, string> { ["index"] = index[i].ToString() })).ToList();
        var test = new TimeSeriesDataset(samples, Phases);
        var probabilities = new ProbabilityMatrix(predicted.SelectMany(p => p == 1 ? new[] { 0.2f, 0.8f } : new[] { 0.9f, 0.1f }).ToArray(), predicted.Length, Phases);
        var outcome = new RunOutcome("hand-made", test, test, probabilities, new NoModel(), TimeSpan.FromSeconds(3), TimeSpan.Zero);
        var folder = _temp[Guid.NewGuid().ToString("N")];
        Directory.CreateDirectory(folder);
        var plugin = Plugins.Reporter("phase-confidence");
        plugin.Report(outcome, Plugins.Arguments(plugin, new[] { ("print", (object?)false) }.Concat(args).ToArray()), Plugins.Context(folder));
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "phase-confidence.json"))).RootElement;
    }

    [Fact]
    public void A_clean_split_has_no_ambiguous_spectra_and_full_confidence()
    {
        var r = Report(new[] { 0, 0, 0, 1, 1, 1 });

        Assert.Equal(2, r.GetProperty("C0Upper").GetInt32());
        Assert.Equal(3, r.GetProperty("C1Lower").GetInt32());
        Assert.Equal(0, r.GetProperty("Ambiguous").GetInt32());
        Assert.Equal(1.0, r.GetProperty("Confidence").GetDouble());
        Assert.Equal(1.0, r.GetProperty("Accuracy").GetDouble());
    }

    [Fact]
    public void Flips_between_the_runs_make_the_ambiguous_zone()
    {
        // Runs: 0 0 | 1 0 0 1 0 | 1 1 1  → C0_upper 1, C1_lower 7, N_f 5 of 10.
        var r = Report(new[] { 0, 0, 1, 0, 0, 1, 0, 1, 1, 1 });

        Assert.Equal(1, r.GetProperty("C0Upper").GetInt32());
        Assert.Equal(7, r.GetProperty("C1Lower").GetInt32());
        Assert.Equal(5, r.GetProperty("Ambiguous").GetInt32());
        Assert.Equal(0.5, r.GetProperty("Confidence").GetDouble(), 12);
    }

    [Fact]
    public void One_misplaced_spectrum_counts_against_confidence_even_far_from_the_boundary()
    {
        // A phase-1 prediction at position 1 ends the leading phase-0 run there: positions 1..4 are ambiguous.
        var r = Report(new[] { 0, 1, 0, 0, 0, 1, 1, 1 });

        Assert.Equal(0, r.GetProperty("C0Upper").GetInt32());
        Assert.Equal(5, r.GetProperty("C1Lower").GetInt32());
        Assert.Equal(4, r.GetProperty("Ambiguous").GetInt32());
        Assert.Equal(0.5, r.GetProperty("Confidence").GetDouble(), 12);
    }

    [Fact]
    public void Without_a_leading_phase_0_or_trailing_phase_1_run_there_is_no_boundary()
    {
        var startsWithOne = Report(new[] { 1, 0, 0, 1 });
        var allZero = Report(new[] { 0, 0, 0, 0 });

        Assert.Equal(JsonValueKind.Null, startsWithOne.GetProperty("C0Upper").ValueKind);
        Assert.Equal(0.0, startsWithOne.GetProperty("Confidence").GetDouble());
        Assert.Equal(JsonValueKind.Null, allZero.GetProperty("C1Lower").ValueKind);
        Assert.Equal(0.0, allZero.GetProperty("Confidence").GetDouble());
    }

    [Fact]
    public void Spectra_are_put_in_experiment_order_by_their_index()
    {
        // Dataset order shuffled; by index the sequence is 0 0 0 1 1 1.
        var r = Report(new[] { 1, 0, 1, 0, 0, 1 }, index: new[] { 5, 1, 3, 0, 2, 4 });

        Assert.Equal(2, r.GetProperty("C0Upper").GetInt32());
        Assert.Equal(1.0, r.GetProperty("Confidence").GetDouble());
    }

    [Fact]
    public void Runs_merge_their_rows_into_one_comparison_table()
    {
        var table = _temp["comparison/hed"];

        Report(new[] { 0, 0, 1, 1 }, null, ("table", table), ("label", "model-a"));
        Report(new[] { 0, 1, 0, 1 }, null, ("table", table), ("label", "model-b"));
        Report(new[] { 0, 0, 0, 1 }, null, ("table", table), ("label", "model-a"));   // replaces model-a's row

        var csv = File.ReadAllLines(table + ".csv");
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("model-a,", csv[1]);
        Assert.Contains(",2,3,0,4,1,", csv[1]);                 // C0_upper 2, C1_lower 3, N_f 0, N_t 4, confidence 1
        Assert.StartsWith("model-b,", csv[2]);
        Assert.Contains("| model-b |", File.ReadAllText(table + ".md"));
    }
}
