using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The <c>lstmfcn</c> command as users run it. Exit codes: 0 done, 1 the run failed, 2 invalid pipeline or usage.
/// Problems go to stderr as <c>error: file:line:column: message</c>.
/// </summary>
public sealed class CliSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    string BadPipeline() => _temp.Write("bad.yaml", $"""
        name: bad
        loader:
          plugin: ucr
          with:
            train: {Repo.Dataset("ucr", "GunPoint", "TRAIN", "tsv")}
        preprocess:
          - plugin: znrom
        model: {"{plugin: 1nn}"}
        output: runs
        """);

    [Fact]
    public void Validate_of_a_bad_pipeline_exits_2_with_a_line_numbered_message_on_stderr()
    {
        var path = BadPipeline();

        var result = Cli.Run(_temp.Path, "validate", path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error: {path}:7:13: preprocess[0]: unknown preprocessor plugin 'znrom'; did you mean 'znorm'", result.Stderr);
        Assert.DoesNotContain("valid.", result.Stdout);
    }

    [Fact]
    public void Validate_of_a_good_pipeline_exits_0()
    {
        var path = Path.Combine(Repo.Pipelines, "gunpoint-1nn.yaml");

        var result = Cli.Run(_temp.Path, "validate", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{path}: valid. loader ucr, 1 preprocessing step(s), model 1nn", result.Stdout);
    }

    [Fact]
    public void An_invalid_override_exits_2_naming_the_override()
    {
        var result = Cli.Run(_temp.Path, "validate", Path.Combine(Repo.Pipelines, "gunpoint-1nn.yaml"), "--set", "model.with.window=2");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: --set model.with.window=2: model (1nn): parameter 'window' must be 0 .. 1, found 2", result.Stderr);
    }

    [Fact]
    public void Bench_runs_a_pipeline_on_the_device_it_is_told_and_says_so_in_its_results()
    {
        var pipeline = _temp.Write("tiny-bench.yaml", $"""
            name: tiny-bench
            seed: 42
            device: auto
            loader: {"{plugin: cbf, with: {train: 30, test: 9, length: 32}}"}
            model: {"{plugin: lstm-fcn, with: {filters: [8, 8, 8], epochs: 2, checkpoint_every: 100000}}"}
            report: [metrics]
            output: runs
            """);

        var result = Cli.Run(_temp.Path, "bench", pipeline, "--device", "cpu", "--repeats", "1", "--epochs", "3", "--output", _temp["bench"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("tiny-bench #1: ", result.Stdout);
        Assert.Contains(", device cpu, 3 epochs, 1 runs each", File.ReadAllText(_temp["bench.md"]));
    }

    [Fact]
    public void Bench_with_an_unknown_device_exits_2_naming_the_choices()
    {
        var result = Cli.Run(_temp.Path, "bench", "--device", "gpu");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--device must be auto, cpu or cuda; found 'gpu'", result.Stderr);
    }

    /// <summary>A reproduction manifest over two UCR sets, with a 2-epoch, small-filter LSTM-FCN template.</summary>
    string SmallReproduction(string alsoPublished = "")
    {
        _temp.Write("template.yaml", $"""
            name: set-by-reproduce
            seed: 42
            device: cpu
            loader:
              plugin: ucr
              with: {"{train: set-by-reproduce, test: set-by-reproduce}"}
            preprocess: [dataset-znorm]
            model:
              plugin: lstm-fcn
              with: {"{epochs: 2, filters: [8, 8, 8], checkpoint_every: 1000}"}
            report:
              - plugin: metrics
                with: {"{print: false}"}
            output: {_temp["runs"]}
            """);
        return _temp.Write("manifest.yaml", $"""
            data: {Path.Combine(Repo.Datasets, "ucr")}
            output: table
            models: {"{lstm-fcn: template.yaml}"}
            reference_model: lstm-fcn
            paper: {"{Coffee: 1.0, GunPoint: 1.0}"}
            {alsoPublished}
            """);
    }

    static string[] TableRuns(string json) =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(json)).RootElement.EnumerateArray()
            .Select(e => $"{e.GetProperty("Dataset").GetString()}:{e.GetProperty("RunDirectory").GetString()}").OrderBy(x => x).ToArray();

    [Fact]
    public void Reproduce_keeps_finished_entries_merges_side_by_side_invocations_and_reruns_on_request()
    {
        var manifest = SmallReproduction();
        var table = _temp["table.json"];

        var coffee = Cli.Run(_temp.Path, "reproduce", manifest, "--datasets", "Coffee", "--threads", "1");
        Assert.True(coffee.ExitCode == 0, coffee.ToString());
        var gunPoint = Cli.Run(_temp.Path, "reproduce", manifest, "--datasets", "GunPoint", "--threads", "1");
        Assert.True(gunPoint.ExitCode == 0, gunPoint.ToString());
        var both = TableRuns(table);
        Assert.Equal(new[] { "Coffee", "GunPoint" }, both.Select(x => x.Split(':')[0]));   // the second kept the first's row

        var again = Cli.Run(_temp.Path, "reproduce", manifest, "--threads", "1");
        Assert.Contains("Coffee / lstm-fcn: done earlier, kept", again.Stdout);
        Assert.Equal(both, TableRuns(table));

        var rerun = Cli.Run(_temp.Path, "reproduce", manifest, "--datasets", "Coffee", "--rerun", "--threads", "1");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        var after = TableRuns(table);
        Assert.NotEqual(both[0], after[0]);                                 // Coffee: a new run directory
        Assert.Equal(both[1], after[1]);                                    // GunPoint untouched
        Assert.Contains("| Coffee | 1.0000 |", File.ReadAllText(_temp["table.md"]));
    }

    [Fact]
    public void Reproduce_with_a_seed_trains_under_that_seed_into_its_own_table_leaving_the_main_table_alone()
    {
        var manifest = SmallReproduction();
        var main = Cli.Run(_temp.Path, "reproduce", manifest, "--datasets", "Coffee", "--threads", "1");
        Assert.True(main.ExitCode == 0, main.ToString());
        var mainTable = File.ReadAllText(_temp["table.json"]);
        Assert.Contains("seed 42 (the templates')", File.ReadAllText(_temp["table.md"]));

        var seeded = Cli.Run(_temp.Path, "reproduce", manifest, "--datasets", "Coffee", "--seed", "7", "--threads", "1");

        Assert.True(seeded.ExitCode == 0, seeded.ToString());
        Assert.DoesNotContain("done earlier", seeded.Stdout);               // seed 42's entry does not stand for seed 7
        Assert.Equal(mainTable, File.ReadAllText(_temp["table.json"]));
        var md = File.ReadAllText(_temp["table-seed7.md"]);
        Assert.Contains("--seed 7` — seed 7,", md);
        Assert.Contains("| Coffee | 1.0000 |", md);
        var run = TableRuns(_temp["table-seed7.json"]).Single().Split(':', 2)[1];
        Assert.Matches(@"(?m)^seed: 7\s*$", File.ReadAllText(Path.Combine(run, "pipeline.resolved.yaml")));
    }

    [Fact]
    public void Reproduce_shows_further_published_figures_beside_the_paper_with_their_mean()
    {
        var manifest = SmallReproduction("also_published: {\"authors, lowest training loss\": {Coffee: 0.9, GunPoint: 0.8}, partial: {GunPoint: 0.5}}");

        var result = Cli.Run(_temp.Path, "reproduce", manifest, "--datasets", "Coffee", "--threads", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var md = File.ReadAllText(_temp["table.md"]);
        Assert.Contains("| dataset | paper | authors, lowest training loss | partial | lstm-fcn | cells | wall s |", md);
        Assert.Contains("| Coffee | 1.0000 | 0.9000 | – |", md);
        Assert.Contains("| GunPoint | 1.0000 | 0.8000 | 0.5000 | – |", md);
        Assert.Contains("| **mean** | 1.0000 | 0.8500 | 0.5000 (1/2 sets) |", md);
        Assert.Contains("further published figures (the manifest's `also_published`)", md);
    }

    [Theory]
    [InlineData("also_published: {authors: {Wafer: 0.9}}", "also_published 'authors': 'Wafer' is not a dataset of 'paper' (Coffee, GunPoint)")]
    [InlineData("also_published: {authors: {Coffee: high}}", "line 6: also_published 'authors': 'Coffee' must be an accuracy between 0 and 1")]
    [InlineData("also_published: [0.9, 0.8]", "line 6: 'also_published' must map a column label to dataset: accuracy pairs")]
    public void Reproduce_rejects_a_published_column_it_cannot_place_naming_the_manifest_and_the_entry(string alsoPublished, string expected)
    {
        var result = Cli.Run(_temp.Path, "reproduce", SmallReproduction(alsoPublished), "--datasets", "Coffee");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("manifest.yaml", result.Stderr);
        Assert.Contains(expected, result.Stderr);
        Assert.False(File.Exists(_temp["table.md"]));
    }

    [Fact]
    public void Reproduce_rejects_a_seed_that_is_not_a_whole_number()
    {
        var result = Cli.Run(_temp.Path, "reproduce", SmallReproduction(), "--seed", "seven");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--seed: expected a whole number ≥ 0, found 'seven'", result.Stderr);
    }

    [Fact]
    public void Plugins_exits_0_listing_the_built_in_plugins()
    {
        var result = Cli.Run(_temp.Path, "plugins");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var name in new[] { "ucr", "znorm", "dataset-znorm", "fixed-length", "1nn", "metrics" })
            Assert.Matches($@"\b{System.Text.RegularExpressions.Regex.Escape(name)}\b", result.Stdout);
        Assert.Matches(@"loader\s+.\s+ucr\b", result.Stdout);
        Assert.DoesNotContain("moving-average", result.Stdout);
    }

    [Fact]
    public void Plugins_lists_a_plugin_dropped_into_a_plugins_folder()
    {
        var result = Cli.Run(_temp.Path, "plugins", "--plugins", Repo.UserPlugins);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"preprocessor\s+.\s+moving-average\b", result.Stdout);
        Assert.Contains(Repo.UserPlugins, result.Stdout);
    }

    [Fact]
    public void Plugins_are_found_in_the_users_home_folder()
    {
        var home = Path.Combine(_temp.Path, ".home", ".lstmfcn", "plugins", Repo.SamplePluginAssembly);
        Directory.CreateDirectory(home);
        foreach (var file in Directory.GetFiles(Repo.SamplePluginFolder)) File.Copy(file, Path.Combine(home, Path.GetFileName(file)));

        var result = Cli.Run(_temp.Path, "plugins", "describe", "moving-average");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("moving-average (preprocessor): centred moving average", result.Stdout);
        Assert.Matches(@"window\s+.\s+integer\s+.\s+3\s+.\s+>= 1", result.Stdout);
    }

    [Fact]
    public void Running_a_malformed_pipeline_exits_2_and_leaves_no_run_directory()
    {
        var path = BadPipeline();

        var result = Cli.Run(_temp.Path, "run", path, "--quiet");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"{path}:7:13:", result.Stderr);
        Assert.False(Directory.Exists(_temp["runs"]), "no run directory for a pipeline that does not validate");
    }

    [Fact]
    public void A_quiet_run_prints_only_its_run_directory()
    {
        var output = _temp["runs"];

        var result = Cli.Run(_temp.Path, "run", Path.Combine(Repo.Pipelines, "gunpoint-1nn.yaml"), "--quiet", "--set", $"output={output}");

        Assert.True(result.ExitCode == 0, result.ToString());
        var dir = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(output, Path.GetDirectoryName(dir));
        Assert.True(File.Exists(Path.Combine(dir, "predictions.csv")));
        Assert.True(File.Exists(Path.Combine(dir, "model", "pipeline-model.json")));
    }

    [Fact]
    public void A_run_that_fails_exits_1_and_names_its_run_directory()
    {
        var train = _temp.Write("tiny_TRAIN.tsv", "1\t0\t1\t2\n2\t2\t1\t0\n");
        var test = _temp.Write("tiny_TEST.tsv", "1\t0\t1\tNaN\n");
        var path = _temp.Write("failing.yaml", $"""
            loader: {"{plugin: ucr, with: {train: "}{train}, test: {test}{"}}"}
            model: {"{plugin: 1nn}"}
            output: runs
            """);

        var result = Cli.Run(_temp.Path, "run", path, "--quiet");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error: 1nn: Euclidean distance needs equal lengths", result.Stderr);
        Assert.Contains($"The run directory keeps the log: {_temp["runs"]}", result.Stderr);
        var dir = Assert.Single(Directory.GetDirectories(_temp["runs"]));
        Assert.Contains("\"status\": \"failed\"", File.ReadAllText(Path.Combine(dir, "run.json")));
    }

    [Fact]
    public void An_unknown_command_exits_2_with_a_suggestion()
    {
        var result = Cli.Run(_temp.Path, "valdate", "x.yaml");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: unknown command 'valdate'; did you mean 'validate'?", result.Stderr);
    }
}
