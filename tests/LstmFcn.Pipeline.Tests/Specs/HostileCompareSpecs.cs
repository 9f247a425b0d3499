using LstmFcn.Pipeline.Comparison;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>compare</c> reads run directories from anywhere: a run whose files are malformed in any way — a YAML tag line,
/// a JSON array for run.json, aliases that multiply — is listed as skipped with the reason, and the others compared.
/// </summary>
public sealed class HostileCompareSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    void Run(string name, string runJson, string metricsJson, string resolvedYaml)
    {
        _temp.Write($"runs/{name}/run.json", runJson);
        _temp.Write($"runs/{name}/metrics.json", metricsJson);
        _temp.Write($"runs/{name}/pipeline.resolved.yaml", resolvedYaml);
    }

    const string Succeeded = """{"pipeline": "p", "dataset": "A", "status": "succeeded"}""";
    const string Metrics = """{"accuracy": 0.9, "classes": [{"name": "x"}, {"name": "y"}]}""";

    static string Bomb()
    {
        var lines = new List<string> { "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        for (char c = 'b'; c <= 'j'; c++) lines.Add($"{c}: &{c} [{string.Join(", ", Enumerable.Repeat($"*{(char)(c - 1)}", 9))}]");
        return string.Join("\n", lines) + "\nmodel:\n  plugin: 1nn\n  with: {window: *j}\n";
    }

    [Fact]
    public void Runs_with_malformed_files_are_listed_as_skipped_with_the_reason()
    {
        Run("good", Succeeded, Metrics, "name: p\nmodel:\n  plugin: 1nn\n");
        Run("tag-line", Succeeded, Metrics, "%TAG !x! tag:example.com,2000:\n!x!python/object:os.system\nname: p\n");
        Run("json-array", "[1, 2, 3]", Metrics, "name: p\nmodel:\n  plugin: 1nn\n");
        Run("metrics-array", Succeeded, "[]", "name: p\nmodel:\n  plugin: 1nn\n");
        Run("started-number", """{"pipeline": "p", "status": "succeeded", "started_utc": 5}""", Metrics, "name: p\nmodel:\n  plugin: ed\n");
        Run("bomb", Succeeded, Metrics, Bomb());

        var task = Task.Run(() => Cli.Run(_temp.Path, "compare", _temp["runs"], "--output", _temp["out"]));
        Assert.True(task.Wait(TimeSpan.FromSeconds(60)), "compare did not finish within 60 s");
        var result = task.Result;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"skipped {_temp["runs/json-array"]}: {_temp["runs/json-array/run.json"]}: expected a JSON object {{...}}, found a JSON array", result.Stdout);
        Assert.Contains($"skipped {_temp["runs/metrics-array"]}: {_temp["runs/metrics-array/metrics.json"]}: expected a JSON object", result.Stdout);
        Assert.Contains($"skipped {_temp["runs/tag-line"]}: {_temp["runs/tag-line/pipeline.resolved.yaml"]}: not a YAML pipeline", result.Stdout);
        Assert.Contains($"skipped {_temp["runs/bomb"]}: {_temp["runs/bomb/pipeline.resolved.yaml"]}: model.with expands to more than", result.Stdout);
        Assert.Contains("2 run(s)", result.Stdout); // good and started-number (a start time it cannot read is no start time)
    }

    [Fact]
    public void Reading_a_run_directory_with_a_malformed_file_names_the_file()
    {
        Run("json-array", "[]", Metrics, "name: p\n");

        var e = Assert.Throws<InvalidDataException>(() => RunRecord.Read(_temp["runs/json-array"], out _));

        Assert.Equal($"{_temp["runs/json-array/run.json"]}: expected a JSON object {{...}}, found a JSON array", e.Message);
    }
}
