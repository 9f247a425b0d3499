using System.Text.Json;
using LstmFcn.Pipeline.Engine.Running;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// A run that fails after it started keeps its directory with the log and a "failed" status, and never leaves a
/// results file that looks complete.
/// </summary>
public sealed class FailedRunSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    string Pipeline(string train, string test, string model = "{plugin: 1nn, with: {distance: euclidean}}") =>
        _temp.Write("failing.yaml", $"""
            name: failing
            loader:
              plugin: ucr
              with:
                train: {train}
                test: {test}
            model: {model}
            report: [{"{plugin: metrics, with: {print: false}}"}]
            output: {_temp["runs"]}
            """);

    static JsonElement RunJson(string dir) => JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "run.json"))).RootElement;

    [Fact]
    public void A_run_that_fails_while_predicting_is_marked_failed_and_leaves_no_predictions()
    {
        // Training series have 3 values; one test series has 2 (trailing NaN): Euclidean 1-NN cannot compare them.
        var train = _temp.Write("tiny_TRAIN.tsv", "1\t0\t1\t2\n2\t2\t1\t0\n");
        var test = _temp.Write("tiny_TEST.tsv", "1\t0\t1\t2\n2\t2\t1\tNaN\n");

        var e = Assert.Throws<RunFailedException>(() => PipelineFiles.Run(Pipeline(train, test)));

        var dir = e.RunDirectory;
        Assert.Equal(_temp["runs"], Path.GetDirectoryName(dir));
        Assert.IsType<InvalidDataException>(e.InnerException);
        Assert.Contains("Euclidean distance needs equal lengths; series 'test-1' has 2", e.InnerException!.Message);
        var status = RunJson(dir);
        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Contains("Euclidean distance needs equal lengths", status.GetProperty("error").GetString());
        Assert.NotEqual(JsonValueKind.Null, status.GetProperty("finished_utc").ValueKind);
        Assert.Empty(Directory.GetFiles(dir, "predictions.csv", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(dir, "predictions.*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(dir, "*.partial", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(dir, "metrics.json")));
        Assert.True(File.Exists(Path.Combine(dir, "pipeline.resolved.yaml")));
        Assert.Contains("Run failed: ", File.ReadAllText(Path.Combine(dir, "run.log")));
    }

    [Fact]
    public void A_run_whose_data_cannot_be_read_is_marked_failed_with_the_data_error()
    {
        var train = _temp.Write("bad_TRAIN.tsv", "1\t0\t1\n2\t1\tzero\n");
        var test = _temp.Write("bad_TEST.tsv", "1\t0\t1\n");

        var e = Assert.Throws<RunFailedException>(() => PipelineFiles.Run(Pipeline(train, test)));

        var status = RunJson(e.RunDirectory);
        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Equal($"{train}:2:3: value 'zero' is not a number", status.GetProperty("error").GetString());
        Assert.False(Directory.Exists(Path.Combine(e.RunDirectory, "model")));
        Assert.False(File.Exists(Path.Combine(e.RunDirectory, "predictions.csv")));
    }

    [Fact]
    public void A_run_with_a_missing_data_file_is_marked_failed()
    {
        var train = _temp.Write("ok_TRAIN.tsv", "1\t0\t1\n2\t1\t0\n");
        var test = _temp.Write("gone_TEST.tsv", "1\t0\t1\n");
        // A file missing when the pipeline is resolved is a pipeline error (LateChecksSpecs); this one goes after.
        var pipeline = PipelineFiles.Resolve(Pipeline(train, test));
        File.Delete(test);

        var e = Assert.Throws<RunFailedException>(() => PipelineFiles.Run(pipeline));

        Assert.IsType<FileNotFoundException>(e.InnerException);
        Assert.Equal("failed", RunJson(e.RunDirectory).GetProperty("status").GetString());
    }

    [Fact]
    public void A_cancelled_run_is_marked_cancelled()
    {
        var train = _temp.Write("ok_TRAIN.tsv", "1\t0\t1\n2\t1\t0\n");
        var test = _temp.Write("ok_TEST.tsv", "1\t0\t1\n");
        var pipeline = PipelineFiles.Resolve(Pipeline(train, test));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var e = Assert.Throws<RunFailedException>(() => new PipelineRunner(Plugins.BuiltIn)
            .Run(pipeline, new RunOptions(SilentConsole.Instance, NoProgress.Instance, cancel.Token)));

        Assert.IsAssignableFrom<OperationCanceledException>(e.InnerException);
        Assert.Equal("cancelled", RunJson(e.RunDirectory).GetProperty("status").GetString());
        Assert.False(File.Exists(Path.Combine(e.RunDirectory, "predictions.csv")));
    }
}
