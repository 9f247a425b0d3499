using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LstmFcn.Pipeline.Engine.Running;
using Spectre.Console;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary>
/// <c>lstmfcn bench [PIPELINE...] [--repeats N] [--epochs E] [--threads T] [--device D] [--output PREFIX]</c>: runs each pipeline
/// N times, each in a fresh process (so peak memory is its own), and reports each kind of model's own measure — the
/// median seconds per training epoch (epochs 2..E; the first warms up) for iterative models, the fit seconds for the
/// others (trees, 1-NN, ensembles of them) — with the whole run's wall time and peak memory. <c>--epochs</c> applies
/// to every model of a pipeline that declares an <c>epochs</c> parameter. Writes PREFIX.json and PREFIX.md.
/// </summary>
static class BenchCommand
{
    /// <summary>One run: its measure (<paramref name="Measure"/> names it: "s/epoch" or "fit s") and the figures around it.</summary>
    sealed record Measurement(string Pipeline, int Repeat, string Measure, double MedianEpochSeconds, double WallSeconds, double PeakMb, double Accuracy);

    public static int Execute(CommandLine cl)
    {
        var pipelines = cl.Positional.Count > 0 ? cl.Positional
            : Directory.GetFiles(Path.Combine(RepoRoot(), "pipelines", "bench"), "*.yaml").OrderBy(p => p, StringComparer.Ordinal).ToList();
        int repeats = Int(cl, "--repeats", 5), epochs = Int(cl, "--epochs", 100), threads = Int(cl, "--threads", 2);
        // Unset: each pipeline's own device (the bundled ones say cpu, so figures stay comparable between machines).
        var device = cl.Options.GetValueOrDefault("--device");
        if (device is not null && device is not ("auto" or "cpu" or "cuda"))
            throw new UsageException($"--device must be auto, cpu or cuda; found '{device}'");
        var prefix = cl.Options.GetValueOrDefault("--output") ?? Path.Combine(RepoRoot(), "benchmarks", "results");
        var scratch = Path.Combine(Path.GetTempPath(), $"lstmfcn-bench-{Environment.ProcessId}");

        var results = new List<Measurement>();
        foreach (var pipeline in pipelines)
            for (int r = 1; r <= repeats; r++)
            {
                var m = RunOnce(pipeline, r, epochs, threads, device, scratch, cl.PluginFolders, cl.AllowPlugins);
                results.Add(m);
                Console.WriteLine($"{Path.GetFileNameWithoutExtension(pipeline)} #{r}: {m.MedianEpochSeconds:F4} {m.Measure}, " +
                                  $"run {m.WallSeconds:F1} s, peak {m.PeakMb:F0} MB, test accuracy {m.Accuracy:F4}");
            }
        try { Directory.Delete(scratch, recursive: true); } catch (IOException) { }

        var summary = results.GroupBy(m => m.Pipeline).Select(g => new
        {
            pipeline = g.Key,
            repeats = g.Count(),
            measure = g.First().Measure,
            median_s_per_epoch = Median(g.Select(m => m.MedianEpochSeconds)),
            min_s_per_epoch = g.Min(m => m.MedianEpochSeconds),
            max_s_per_epoch = g.Max(m => m.MedianEpochSeconds),
            median_wall_s = Median(g.Select(m => m.WallSeconds)),
            peak_mb = g.Max(m => m.PeakMb),
        }).ToList();

        var where = device is null ? "" : $", device {device}";
        var table = new Table().Border(TableBorder.Rounded).Title($"{epochs} epochs, {threads} thread(s){where}, {repeats} runs each")
            .AddColumns("pipeline", "measure", "median", "min..max", "run wall s", "peak MB");
        foreach (var s in summary)
            table.AddRow(s.pipeline, s.measure, F(s.median_s_per_epoch, 4), $"{F(s.min_s_per_epoch, 4)}..{F(s.max_s_per_epoch, 4)}", F(s.median_wall_s, 1), F(s.peak_mb, 0));
        AnsiConsole.Write(table);

        var meta = new
        {
            date_utc = DateTime.UtcNow.ToString("O"),
            machine = new { cores = Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, cpu = CpuName() },
            epochs, threads, repeats, device = device ?? "as each pipeline says",
            command = "lstmfcn bench " + string.Join(' ', Environment.GetCommandLineArgs().Skip(2)),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(prefix))!);
        AtomicFile.WriteText(prefix + ".json", JsonSerializer.Serialize(new { meta, summary, runs = results }, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        var md = new StringBuilder();
        md.AppendLine($"# Benchmark ({meta.date_utc[..10]})").AppendLine();
        md.AppendLine($"`{meta.command}` — {meta.machine.cpu}, {meta.machine.cores} cores, {threads} torch thread(s){where}, {epochs} epochs, {repeats} runs each, each run in a fresh process.").AppendLine();
        md.AppendLine("| pipeline | measure | median of runs | min..max | run wall s (median) | peak MB |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var s in summary)
            md.AppendLine($"| {s.pipeline} | {s.measure} | {F(s.median_s_per_epoch, 4)} | {F(s.min_s_per_epoch, 4)}..{F(s.max_s_per_epoch, 4)} | {F(s.median_wall_s, 1)} | {F(s.peak_mb, 0)} |");
        AtomicFile.WriteText(prefix + ".md", md.ToString());
        Console.WriteLine($"Wrote {prefix}.json and {prefix}.md");
        return 0;
    }

    static Measurement RunOnce(string pipeline, int repeat, int epochs, int threads, string? device, string scratch, List<string> pluginFolders,
        bool allowPlugins)
    {
        var args = new List<string> { "run", pipeline, "--quiet", "--set", $"threads={threads}", "--set", $"output={scratch}" };
        foreach (var assignment in EpochOverrides(pipeline, epochs, pluginFolders)) { args.Add("--set"); args.Add(assignment); }
        if (device is not null) { args.Add("--set"); args.Add($"device={device}"); }
        foreach (var f in pluginFolders) { args.Add("--plugins"); args.Add(f); }
        if (allowPlugins) args.Add("--allow-plugins");
        var clock = Stopwatch.StartNew();
        var (exit, stdout, stderr) = SelfProcess.Run(args);
        var wall = clock.Elapsed.TotalSeconds;
        if (exit != 0) throw new InvalidOperationException($"bench: {pipeline} failed (exit {exit}): {stderr.Trim()}");
        var runDir = stdout.Trim().Split('\n').Last().Trim();

        using var runJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "run.json")));
        var history = Path.Combine(runDir, "history.csv");
        var seconds = File.Exists(history) ? EpochSeconds(history) : new List<double>();
        // Iterative models are measured per epoch; the others by the time their fit took (the final fit of a
        // cross-validation, or its folds' fits together when it keeps no model).
        string measure = seconds.Count > 0 ? "s/epoch" : "fit s";
        if (seconds.Count == 0 && runJson.RootElement.TryGetProperty("timings", out var timings) && timings.ValueKind == JsonValueKind.Object)
            seconds.Add(timings.TryGetProperty("fit_s", out var fit) ? fit.GetDouble()
                : timings.EnumerateObject().Where(t => t.Name.StartsWith("fold_", StringComparison.Ordinal) && t.Name.EndsWith("_fit_s", StringComparison.Ordinal))
                    .Sum(t => t.Value.GetDouble()));
        if (seconds.Count == 0) throw new InvalidOperationException($"bench: {pipeline}: the run recorded neither epochs nor a fit time");
        // A pipeline without a test set (e.g. one that only classifies a map) has no accuracy to report.
        var scores = Comparison.RunScores.Read(runDir, out _);
        return new Measurement(Path.GetFileNameWithoutExtension(pipeline), repeat, measure, Median(seconds), wall,
            runJson.RootElement.GetProperty("peak_working_set_mb").GetDouble(), scores?.Accuracy ?? double.NaN);
    }

    /// <summary>
    /// <c>--set …epochs=E</c> for every model of the pipeline that declares an <c>epochs</c> parameter (the model, or each
    /// such ensemble member); none for models without one, whose bench runs are not shortened.
    /// </summary>
    static IEnumerable<string> EpochOverrides(string pipeline, int epochs, List<string> pluginFolders)
    {
        var catalog = Engine.Plugins.PluginCatalog.FromFolders(Engine.Plugins.PluginCatalog.DefaultFolders().Concat(pluginFolders));
        var resolved = Engine.Pipelines.PipelineResolver.Resolve(Engine.Pipelines.PipelineReader.Read(Engine.Pipelines.PipelineDocument.Load(pipeline)), catalog);
        static bool Iterative(IPlugin plugin) => plugin.Parameters.Any(p => p.Name == "epochs");
        if (resolved.Model is { } model && Iterative(model.Plugin)) yield return $"model.with.epochs={epochs}";
        var listed = resolved.Ensemble?.Members.Where(m => m.Copy == 0).ToList() ?? [];
        for (int i = 0; i < listed.Count; i++)
            if (Iterative(listed[i].Model.Plugin)) yield return $"model.ensemble.{i}.with.epochs={epochs}";
    }

    /// <summary>The seconds of each epoch in a run's <c>history.csv</c> after the first (the warm-up epoch).</summary>
    static List<double> EpochSeconds(string history)
    {
        var file = CsvReader.Read(history, new CsvOptions { Delimiter = ',' });
        int column = file.IndexOf("seconds");
        if (column < 0) throw new InvalidDataException($"{history}: no column 'seconds' (has {string.Join(", ", file.Header)})");
        return file.Rows.Skip(1).Select(r => r.Cells[column]).Where(c => c.Length > 0)
            .Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToList();
    }

    static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    static int Int(CommandLine cl, string name, int fallback) =>
        cl.Options.TryGetValue(name, out var v) ? (int.TryParse(v, out var i) && i > 0 ? i : throw new UsageException($"{name} must be a positive integer")) : fallback;

    static string F(double v, int digits) => v.ToString("F" + digits, CultureInfo.InvariantCulture);

    static string CpuName()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException) { return "unknown CPU"; }
    }

    /// <summary>The repository root (where LstmFcn.Pipeline.sln is), found upwards from the app folder or the current directory.</summary>
    public static string RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "LstmFcn.Pipeline.sln"))) return d.FullName;
        return Environment.CurrentDirectory;
    }
}
