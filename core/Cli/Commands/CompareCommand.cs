using LstmFcn.Pipeline.Comparison;
using LstmFcn.Pipeline.Engine.Running;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary>
/// <c>lstmfcn compare RUN_DIR... [--output DIR]</c>: accuracy per dataset × model with wins, MPCE, mean ranks,
/// pairwise Wilcoxon tests and a rank plot. A folder that is not a run itself stands for the runs directly inside it.
/// With <c>--members</c> an ensemble run's members count as models too (scored alone on the same test set).
/// </summary>
static class CompareCommand
{
    public static int Execute(CommandLine cl)
    {
        if (cl.Positional.Count == 0) throw new UsageException("usage: lstmfcn compare RUN_DIR... [--output DIR] [--members]");
        var notes = new List<string>();
        var runs = new List<RunRecord>();
        foreach (var directory in RunDirectories(cl.Positional))
        {
            RunRecord? run;
            try { run = RunRecord.Read(directory, out var reason); if (run is null) notes.Add($"skipped {directory}: {reason}"); }
            catch (InvalidDataException e) { run = null; notes.Add($"skipped {directory}: {e.Message}"); }
            if (run is null) continue;
            runs.Add(run);
            if (cl.Options.ContainsKey("--members")) runs.AddRange(run.Members);
        }
        if (runs.Count == 0)
            throw new UsageException($"no succeeded, scored run among {string.Join(", ", cl.Positional)}" +
                                     (notes.Count > 0 ? "\n  " + string.Join("\n  ", notes) : ""));

        var table = ComparisonTable.Build(runs, notes);
        var output = Path.GetFullPath(cl.Options.GetValueOrDefault("--output") ?? "comparison");
        Directory.CreateDirectory(output);
        const string plotFile = "rank-plot.png";
        var markdown = ComparisonWriter.Markdown(table, plotFile);
        AtomicFile.WriteText(Path.Combine(output, "comparison.csv"), ComparisonWriter.Csv(table));
        AtomicFile.WriteText(Path.Combine(output, "wilcoxon.csv"), ComparisonWriter.WilcoxonCsv(table));
        AtomicFile.WriteText(Path.Combine(output, "comparison.md"), markdown);
        var png = ComparisonWriter.RankPlot(table);
        AtomicFile.Write(Path.Combine(output, plotFile), s => s.Write(png));

        if (!cl.Quiet)
        {
            // The tables as they are in the Markdown file: readable in a terminal and pasteable.
            Console.WriteLine(markdown[..markdown.IndexOf("## Runs", StringComparison.Ordinal)].TrimEnd());
            Console.WriteLine();
        }
        Console.WriteLine($"{runs.Count} run(s), {table.Datasets.Count} dataset(s), {table.Models.Count} model(s) → {output} " +
                          "(comparison.md, comparison.csv, wilcoxon.csv, rank-plot.png)");
        return 0;
    }

    static IEnumerable<string> RunDirectories(IEnumerable<string> arguments)
    {
        foreach (var argument in arguments)
        {
            if (!Directory.Exists(argument)) throw new UsageException($"{argument}: no such directory");
            if (File.Exists(Path.Combine(argument, "run.json"))) { yield return argument; continue; }
            var inside = Directory.GetDirectories(argument).Where(d => File.Exists(Path.Combine(d, "run.json"))).OrderBy(d => d, StringComparer.Ordinal).ToList();
            if (inside.Count == 0) throw new UsageException($"{argument}: neither a run directory (no run.json) nor a folder of runs");
            foreach (var d in inside) yield return d;
        }
    }
}
