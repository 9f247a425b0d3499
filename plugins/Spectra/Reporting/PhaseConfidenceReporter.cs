using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LstmFcn.Pipeline;
using LstmFcn.Pipeline.Files;
using LstmFcn.Plugins.Spectra.Models;

namespace LstmFcn.Plugins.Spectra.Reporting;

/// <summary>
/// <c>phase-confidence</c>: the paper's table row for one model — boundary (C0_upper, C1_lower), ambiguous spectra N_f,
/// confidence P = 1 − N_f/N_t, accuracy against the loader's labels, training time, peak memory, epochs, parameters —
/// into <c>phase-confidence.json</c> and <c>phase-confidence.md</c>, plus the predicted phase per spectrum
/// (<c>phases.csv</c>). With <c>table</c>, the row is also merged (by <c>label</c>) into a comparison table shared by
/// several runs (<c>TABLE.md</c>, <c>.csv</c>, <c>.json</c>). The test spectra are put in experiment order by their
/// <c>index</c> metadata when they have it.
/// </summary>
public sealed class PhaseConfidenceReporter : ReporterPlugin<PhaseConfidenceReporter.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("comparison table to merge this run's row into (path without extension: writes .md, .csv, .json)", Path = PathKind.Any)]
        public string? Table { get; init; }

        [Parameter("row name in the comparison table (default: the model plugin, else the pipeline name)")]
        public string? Label { get; init; }

        [Parameter("print the row as a table")]
        public bool Print { get; init; } = true;
    }

    public override string Name => "phase-confidence";
    public override string Description => "Sun et al. 2021 classification confidence and phase boundary of an ordered spectra sequence; comparison table";

    public sealed record Row(string Label, string Model, string Pipeline, long? Parameters, int Epochs, double TrainingSeconds,
        double PeakMemoryMb, int Total, int? C0Upper, int? C1Lower, int Ambiguous, double Confidence, double? Accuracy, string RunDirectory);

    protected override void Report(RunOutcome outcome, Options options, RunContext context)
    {
        var test = outcome.Test;
        if (test.Count == 0) throw new InvalidDataException($"{options.Step}: the test set is empty: no sequence to score");
        if (test.Classes.Count != 2) throw new InvalidDataException($"{options.Step}: needs 2 phases, the data has {test.Classes.Count} classes");
        var order = ExperimentOrder(test);
        var predicted = outcome.TestProbabilities.ArgMax();
        var phases = order.Select(i => predicted[i]).ToArray();
        var boundary = PhaseBoundary.Of(phases);

        int labelled = 0, correct = 0;
        foreach (var i in order)
            if (test.Samples[i].Label >= 0) { labelled++; if (test.Samples[i].Label == predicted[i]) correct++; }
        var spectraModel = outcome.Model as TrainedSpectraModel;
        string model = spectraModel?.Options.Model ?? outcome.Model.GetType().Name;
        var row = new Row(options.Label ?? spectraModel?.Options.Model ?? outcome.PipelineName, model, outcome.PipelineName,
            spectraModel?.TrainableParameters, outcome.Model.History.Epochs.Count, outcome.FitTime.TotalSeconds,
            Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1), boundary.Total,
            boundary.Found ? boundary.C0Upper : null, boundary.Found ? boundary.C1Lower : null, boundary.Ambiguous, boundary.Confidence,
            labelled > 0 ? correct / (double)labelled : null, context.RunDirectory);

        var phasesCsv = new StringBuilder("position,id,file,predicted,probability_phase1,label\n");
        foreach (var i in order)
        {
            var s = test.Samples[i];
            phasesCsv.Append(s.Metadata.GetValueOrDefault("index", i.ToString(CultureInfo.InvariantCulture))).Append(',').Append(s.Id).Append(',')
                .Append(s.Metadata.GetValueOrDefault("file", "")).Append(',').Append(test.Classes[predicted[i]]).Append(',')
                .Append(outcome.TestProbabilities.Row(i)[1].ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(s.Label >= 0 ? test.Classes[s.Label] : "").Append('\n');
        }
        context.Artifacts.WriteText("phases.csv", phasesCsv.ToString());
        var json = new JsonSerializerOptions { WriteIndented = true };
        context.Artifacts.WriteText("phase-confidence.json", JsonSerializer.Serialize(row, json));
        context.Artifacts.WriteText("phase-confidence.md", Markdown(new[] { row }));
        if (options.Print)
            context.Log.Table($"Phase boundary ({row.Label})", Headers, new[] { Cells(row) });
        context.Log.Info(boundary.Found
            ? $"phase boundary between positions {boundary.C0Upper} and {boundary.C1Lower}: {boundary.Ambiguous} ambiguous of {boundary.Total}, confidence {boundary.Confidence:P2}"
            : $"no phase boundary: the predicted sequence does not start with phase 0 and end with phase 1 (confidence 0)");

        if (options.Table is { } table) MergeIntoTable(table, row);
    }

    /// <summary>Positions of the test samples sorted by their <c>index</c> metadata, or dataset order without it.</summary>
    static int[] ExperimentOrder(TimeSeriesDataset test)
    {
        var keys = new long[test.Count];
        for (int i = 0; i < test.Count; i++)
        {
            if (!test.Samples[i].Metadata.TryGetValue("index", out var text) || !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out keys[i]))
                return Enumerable.Range(0, test.Count).ToArray();
        }
        return Enumerable.Range(0, test.Count).OrderBy(i => keys[i]).ToArray();
    }

    static readonly string[] Headers =
        { "model", "parameters", "epochs", "training s", "peak memory MB", "C0_upper", "C1_lower", "N_f", "N_t", "confidence", "accuracy" };

    static string[] Cells(Row r) => new[]
    {
        r.Label, r.Parameters?.ToString("N0", CultureInfo.InvariantCulture) ?? "-", r.Epochs.ToString(CultureInfo.InvariantCulture),
        r.TrainingSeconds.ToString("F1", CultureInfo.InvariantCulture), r.PeakMemoryMb.ToString("F0", CultureInfo.InvariantCulture),
        r.C0Upper?.ToString(CultureInfo.InvariantCulture) ?? "-", r.C1Lower?.ToString(CultureInfo.InvariantCulture) ?? "-",
        r.Ambiguous.ToString(CultureInfo.InvariantCulture), r.Total.ToString(CultureInfo.InvariantCulture),
        (100 * r.Confidence).ToString("F2", CultureInfo.InvariantCulture) + " %",
        r.Accuracy is { } a ? a.ToString("F4", CultureInfo.InvariantCulture) : "-",
    };

    static string Markdown(IEnumerable<Row> rows)
    {
        var sb = new StringBuilder();
        sb.Append("| ").Append(string.Join(" | ", Headers)).Append(" |\n");
        sb.Append('|').Append(string.Concat(Headers.Select(_ => "---|"))).Append('\n');
        foreach (var r in rows) sb.Append("| ").Append(string.Join(" | ", Cells(r))).Append(" |\n");
        sb.Append("\nPositions are 0-based in experiment order; N_f = C1_lower − C0_upper − 1, confidence = 1 − N_f/N_t (Sun et al. 2021). ")
          .Append("Peak memory is the process's peak working set.\n");
        return sb.ToString();
    }

    /// <summary>Replaces this label's row in the shared table (or adds it), keeping the others; each file is written whole, then renamed.</summary>
    static void MergeIntoTable(string basePath, Row row)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(basePath))!);
        var jsonPath = basePath + ".json";
        var rows = File.Exists(jsonPath)
            ? JsonSerializer.Deserialize<List<Row>>(File.ReadAllText(jsonPath)) ?? new List<Row>()
            : new List<Row>();
        rows.RemoveAll(r => r.Label == row.Label);
        rows.Add(row);
        rows.Sort((a, b) => string.CompareOrdinal(a.Label, b.Label));
        var csv = new StringBuilder("model,plugin,parameters,epochs,training_s,peak_memory_mb,c0_upper,c1_lower,n_f,n_t,confidence,accuracy\n");
        foreach (var r in rows)
            csv.Append(string.Join(',', r.Label, r.Model, r.Parameters?.ToString(CultureInfo.InvariantCulture) ?? "", r.Epochs,
                r.TrainingSeconds.ToString("F2", CultureInfo.InvariantCulture), r.PeakMemoryMb.ToString("F1", CultureInfo.InvariantCulture),
                r.C0Upper?.ToString(CultureInfo.InvariantCulture) ?? "", r.C1Lower?.ToString(CultureInfo.InvariantCulture) ?? "", r.Ambiguous, r.Total,
                r.Confidence.ToString("R", CultureInfo.InvariantCulture), r.Accuracy?.ToString("R", CultureInfo.InvariantCulture) ?? "")).Append('\n');
        AtomicFile.WriteText(jsonPath, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
        AtomicFile.WriteText(basePath + ".csv", csv.ToString());
        AtomicFile.WriteText(basePath + ".md", Markdown(rows));
    }
}
