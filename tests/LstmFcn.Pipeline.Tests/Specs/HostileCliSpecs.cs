using System.Text.Json;
using LstmFcn.Pipeline.Tests.Support;
using Xunit.Abstractions;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The whole command surface (run, validate, compare, reproduce, bench, plugins, the map verbs, cube, sample-design) against output folders the file system
/// refuses — not writable, read-only, full — and against inputs that crashed it: every verb ends with
/// <c>error: …</c> and exit 1 or 2 (never a .NET crash report, exit 134), and no file with its final name is left
/// half-written. Full and read-only file systems are real tmpfs mounts (root only; otherwise those specs say why).
/// </summary>
public sealed class HostileCliSpecs(ITestOutputHelper output) : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    bool Skipped()
    {
        if (Tmpfs.Unavailable is not { } why) return false;
        output.WriteLine($"SKIPPED: {why}");
        return true;
    }

    /// <summary>A 2-epoch LSTM-FCN on 30 CBF series: a deep model that checkpoints, quick enough for every verb.</summary>
    string TinyDeep(string runs, string file) => _temp.Write(file, $"""
        name: tiny
        seed: 42
        device: cpu
        loader: {"{plugin: cbf, with: {train: 30, test: 9, length: 32}}"}
        model: {"{plugin: lstm-fcn, with: {filters: [8, 8, 8], epochs: 2, checkpoint_every: 1}}"}
        report: [metrics]
        output: {runs}
        """);

    /// <summary>A succeeded run for compare to read, outside the folder under test.</summary>
    string FinishedRuns()
    {
        _temp.Write("finished/a/run.json", """{"pipeline": "a", "dataset": "A", "model": "1nn", "status": "succeeded"}""");
        _temp.Write("finished/a/metrics.json", """{"accuracy": 0.9, "classes": [{"name": "x"}, {"name": "y"}]}""");
        _temp.Write("finished/a/pipeline.resolved.yaml", "name: a\nmodel:\n  plugin: 1nn\n");
        return _temp["finished"];
    }

    string Manifest(string outputFolder)
    {
        var template = _temp.Write("template.yaml", $"""
            name: set-by-reproduce
            device: cpu
            loader: {"{plugin: ucr, with: {train: x, test: x}}"}
            model: {"{plugin: 1nn}"}
            output: {outputFolder}
            """);
        return _temp.Write("manifest.yaml", $"""
            data: {Path.Combine(Repo.Datasets, "ucr")}
            output: table
            models: {"{"}1nn: {template}{"}"}
            reference_model: 1nn
            paper: {"{Coffee: 1.0}"}
            """);
    }

    string? _cubeModel;

    /// <summary>A saved 1-NN trained on the Sinop points of the Sinop cube, outside the folder under test.</summary>
    string CubeModel() => _cubeModel ??= PipelineFiles.Run(SinopPoints.Pipeline(_temp, _temp["model-runs"])).RunDirectory;

    static string SinopCube => SinopPoints.Cube;

    string? _classMap;

    /// <summary>A 10 × 10 class map of two classes, outside the folder under test.</summary>
    string ClassMap()
    {
        if (_classMap is not null) return _classMap;
        var rows = Enumerable.Range(0, 10).Select(r => Enumerable.Range(0, 10).Select(c => r < 5 ? 0 : 1).ToArray()).ToArray();
        GdalTools.ClassMap(_temp["classes.tif"], rows, new[] { "a", "b" }, 500_000, 8_700_300, 30, "EPSG:32721");
        return _classMap = _temp["classes.tif"];
    }

    /// <summary>Every verb, writing into <paramref name="folder"/> where it writes at all; (verb, result) each.</summary>
    List<(string Verb, CliResult Result)> EveryVerb(string folder, Func<string[], CliResult> cli)
    {
        var gunPoint = Path.Combine(Repo.Pipelines, "gunpoint-1nn.yaml");
        return new List<(string, string[])>
        {
            ("run 1nn", new[] { "run", gunPoint, "--quiet", "--set", $"output={folder}" }),
            ("run lstm-fcn", new[] { "run", TinyDeep(folder, "tiny.yaml"), "--quiet" }),
            ("validate", new[] { "validate", gunPoint, "--set", $"output={folder}" }),
            ("compare", new[] { "compare", FinishedRuns(), "--output", Path.Combine(folder, "comparison") }),
            ("reproduce", new[] { "reproduce", Manifest(folder), "--output", Path.Combine(folder, "table") }),
            ("bench", new[] { "bench", TinyDeep(_temp["bench-runs"], "tiny-bench.yaml"), "--repeats", "1", "--epochs", "2", "--output", Path.Combine(folder, "bench") }),
            ("plugins", new[] { "plugins", "--plugins", folder }),
            ("predict", new[] { "predict", CubeModel(), Path.Combine(Repo.Datasets, "sits_mod13q1_sinop", "samples", "samples_sinop_crop.csv"),
                "--loader", "sample-table", "--output", Path.Combine(folder, "predicted") }),
            ("classify", new[] { "classify", CubeModel(), SinopCube, "--output", folder, "--quiet" }),
            ("classify --shard", new[] { "classify", CubeModel(), SinopCube, "--output", folder, "--shard", "0/2", "--quiet" }),
            ("merge", new[] { "merge", folder }),
            ("cluster slurm", new[] { "cluster", "slurm", CubeModel(), SinopCube, "--output", folder, "--tasks", "2" }),
            ("cube describe", new[] { "cube", "describe", SinopCube, "--with", $"pattern={SinopPoints.Pattern}" }),
            ("cube regularize", new[] { "cube", "regularize", SinopCube, "--with", $"pattern={SinopPoints.Pattern}", "--output", Path.Combine(folder, "regular"), "--period", "32" }),
            ("sample-design", new[] { "sample-design", ClassMap(), "--output", Path.Combine(folder, "sample.csv"), "--per-class", "3" }),
        }.Select(v => (v.Item1, cli(v.Item2))).ToList();
    }

    static void AssertCleanEnds(IEnumerable<(string Verb, CliResult Result)> results, string folder)
    {
        foreach (var (verb, result) in results)
        {
            var what = $"{verb} → {result}";
            Assert.True(result.ExitCode is 0 or 1 or 2, what);
            Assert.DoesNotContain("Unhandled exception", result.Stderr);
            Assert.DoesNotContain("   at ", result.Stderr); // no stack trace on the terminal
            if (result.ExitCode != 0) Assert.True(result.Stderr.Contains("error: "), what);
        }
        AssertNoHalfWrittenFiles(folder);
    }

    /// <summary>Whatever has its final name is whole: JSON and YAML parse, CSV ends its last line, Parquet has its footer; no .partial is left.</summary>
    static void AssertNoHalfWrittenFiles(string folder)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            Assert.False(file.EndsWith(".partial", StringComparison.Ordinal), $"left behind: {file}");
            var bytes = File.ReadAllBytes(file);
            switch (Path.GetExtension(file))
            {
                case ".json":
                    JsonDocument.Parse(bytes).Dispose();
                    break;
                case ".csv" or ".md":
                    Assert.True(bytes.Length == 0 || bytes[^1] == '\n', $"cut short: {file}");
                    break;
                case ".parquet":
                    Assert.True(bytes.Length >= 8 && System.Text.Encoding.ASCII.GetString(bytes[^4..]) == "PAR1", $"cut short: {file}");
                    break;
                case ".yaml":
                    new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader(System.Text.Encoding.UTF8.GetString(bytes)));
                    break;
            }
        }
    }

    [Fact]
    public void Every_verb_against_a_read_only_output_folder_ends_with_an_error_not_a_crash()
    {
        if (Skipped()) return;
        using var disk = Tmpfs.Mount(_temp["ro"], 64, readOnly: true);

        var results = EveryVerb(disk.Path, args => Cli.Run(_temp.Path, args));

        AssertCleanEnds(results, disk.Path);
        Assert.Contains("(read-only file system)", results.Single(r => r.Verb == "run 1nn").Result.Stderr);
    }

    [Fact]
    public void Every_verb_against_an_output_folder_without_write_permission_ends_with_an_error_not_a_crash()
    {
        // chmod 500 stops everyone but root: as root, the CLI runs as the unprivileged 'nobody' (setpriv).
        var folder = _temp["locked"];
        Directory.CreateDirectory(folder);
        Func<string[], CliResult> cli = args => Cli.Run(_temp.Path, args);
        if (Tmpfs.IsRoot)
        {
            if (!File.Exists("/usr/bin/setpriv")) { output.WriteLine("SKIPPED: running as root without setpriv to drop privileges"); return; }
            File.SetUnixFileMode(_temp.Path, (UnixFileMode)0b111_111_111);                   // nobody may use the temp folder
            foreach (var d in new[] { ".home", "bench-runs" }) Directory.CreateDirectory(_temp[d]);
            foreach (var d in new[] { ".home", "bench-runs" }) File.SetUnixFileMode(_temp[d], (UnixFileMode)0b111_111_111);
            Chown(folder, 65534);
            cli = args => CliProcess.Start(_temp.Path, args, asNobody: true).WaitForExit(120);
        }
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);       // chmod 500

        var results = EveryVerb(folder, cli);

        AssertCleanEnds(results, folder);
        Assert.Contains("(permission denied)", results.Single(r => r.Verb == "run 1nn").Result.Stderr);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
    }

    static void Chown(string path, int uid)
    {
        using var p = System.Diagnostics.Process.Start("chown", $"{uid}:{uid} {path}");
        p.WaitForExit();
    }

    [Fact]
    public void Every_verb_against_a_full_output_folder_ends_with_an_error_not_a_crash()
    {
        if (Skipped()) return;
        using var disk = Tmpfs.Mount(_temp["full"], 2048);
        disk.Fill();

        var results = EveryVerb(disk.Path, args => Cli.Run(_temp.Path, args));

        AssertCleanEnds(results, disk.Path);
        Assert.Contains("(no space left on the device)", results.Single(r => r.Verb == "run 1nn").Result.Stderr);
    }

    [Fact]
    public void A_run_that_fills_the_disk_fails_naming_the_file_and_resumes_once_there_is_room()
    {
        if (Skipped()) return;
        using var disk = Tmpfs.Mount(_temp["full"], 2048);
        var filler = disk.Fill(leaveKilobytes: 40);   // room for the run directory and its first files, not for its model

        var failed = Cli.Run(_temp.Path, "run", Path.Combine(Repo.Pipelines, "gunpoint-1nn.yaml"), "--quiet", "--set", $"output={disk.Path}");

        Assert.True(failed.ExitCode == 1, failed.ToString());
        // Named by the run directory ("…: cannot write (no space left on the device)") or by .NET, for a file a plugin writes itself.
        Assert.Matches("(?i)no space left on (the )?device", failed.Stderr);
        Assert.DoesNotContain("Unhandled exception", failed.Stderr);
        AssertNoHalfWrittenFiles(disk.Path);
        var dir = Assert.Single(Directory.GetDirectories(disk.Path));

        File.Delete(filler);
        var resumed = Cli.Run(_temp.Path, "run", "--resume", dir, "--quiet");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal("succeeded", JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "run.json"))).RootElement.GetProperty("status").GetString());
        Assert.Equal(151, File.ReadAllLines(Path.Combine(dir, "predictions.csv")).Length);  // header + GunPoint's 150 test series
        AssertNoHalfWrittenFiles(disk.Path);
    }

    [Fact]
    public void Validate_of_a_file_nested_past_the_stack_ends_with_a_located_error()
    {
        const int depth = 100_000; // YamlDotNet's tree loader recursed once per level: this overflowed the stack (exit 134)
        var path = _temp.Write("deep.yaml", $"loader: {{plugin: ucr}}\nmodel: {{plugin: 1nn}}\nname: {new string('[', depth)}{new string(']', depth)}\n");

        var result = Cli.Run(_temp.Path, "validate", path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error: {path}:3:", result.Stderr);
        Assert.Contains("nested more than 64 levels deep", result.Stderr);
    }

    [Fact]
    public void An_unexpected_failure_is_an_error_line_and_exit_1_with_its_trace_only_on_request()
    {
        // compare --output naming a file: .NET's IOException, which no verb expects.
        var notAFolder = _temp.Write("taken", "a file");

        var result = Cli.Run(_temp.Path, "compare", FinishedRuns(), "--output", notAFolder);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("error: ", result.Stderr);
        Assert.Contains("(an unexpected IOException; LSTMFCN_TRACE=1 prints where it happened)", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
