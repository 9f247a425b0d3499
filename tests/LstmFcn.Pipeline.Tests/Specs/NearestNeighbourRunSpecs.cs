using System.Globalization;
using System.Text.Json;
using LstmFcn.Pipeline.Engine.Running;
using LstmFcn.Pipeline.Tests.Support;
using Parquet;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The classic UCR baselines, run end to end through <see cref="PipelineRunner"/> on real GunPoint data: they reach
/// the published accuracies, leave a complete run directory, and a saved model predicts exactly what it predicted.
/// </summary>
public sealed class NearestNeighbourRunSpecs : IClassFixture<NearestNeighbourRunSpecs.EuclideanRun>
{
    /// <summary>One Euclidean 1-NN run on z-normalised GunPoint, shared by the specs that inspect it.</summary>
    public sealed class EuclideanRun : IDisposable
    {
        public TempFolder Temp { get; } = new();
        public RunResult Result { get; }
        public string Output => Temp["runs"];

        public EuclideanRun()
        {
            var path = PipelineFiles.GunPoint(Temp, "gunpoint-ed", "{plugin: 1nn, with: {distance: euclidean}}", Output, "znorm");
            Result = PipelineFiles.Run(path);
        }

        public string File(string relative) => Path.Combine(Result.RunDirectory, relative);

        public void Dispose() => Temp.Dispose();
    }

    readonly EuclideanRun _ed;

    public NearestNeighbourRunSpecs(EuclideanRun ed) => _ed = ed;

    static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    [Fact]
    public void Euclidean_1nn_on_znormalised_gunpoint_reaches_the_published_accuracy()
    {
        // UCR archive: ED 1-NN error on GunPoint 0.087 (accuracy 0.913); this implementation gets 137/150 = 0.9133.
        var accuracy = Json(_ed.File("metrics.json")).GetProperty("accuracy").GetDouble();

        Assert.True(accuracy >= 0.913 - 1e-9, $"accuracy {accuracy}");
    }

    [Fact]
    public void Dtw_1nn_with_full_window_on_gunpoint_reaches_the_published_accuracy()
    {
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPoint(temp, "gunpoint-dtw", "{plugin: 1nn, with: {distance: dtw, window: 1.0}}", temp["runs"], "znorm");

        var run = PipelineFiles.Run(path);

        // UCR archive: DTW (unconstrained) 1-NN error on GunPoint 0.093 (accuracy 0.907).
        var accuracy = Json(Path.Combine(run.RunDirectory, "metrics.json")).GetProperty("accuracy").GetDouble();
        Assert.True(accuracy >= 0.90, $"accuracy {accuracy}");
        Assert.Equal("1nn", Json(Path.Combine(run.RunDirectory, "model", "pipeline-model.json")).GetProperty("ModelPlugin").GetString());
    }

    [Fact]
    public void A_run_leaves_a_complete_run_directory()
    {
        var dir = _ed.Result.RunDirectory;

        Assert.Equal(_ed.Output, Path.GetDirectoryName(dir));
        Assert.Matches(@"^gunpoint-ed-\d{8}-\d{6}(-\d+)?$", Path.GetFileName(dir));
        foreach (var file in new[] { "pipeline.resolved.yaml", "run.log", "run.json", "metrics.json", "predictions.csv",
                     "predictions.parquet", "model/pipeline-model.json" })
            Assert.True(File.Exists(_ed.File(file)), $"{file} missing from {dir}");
        Assert.Empty(Directory.GetFiles(dir, "*.partial", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(_ed.File("model.partial")));
    }

    [Fact]
    public void Run_json_records_success_and_timings()
    {
        var run = Json(_ed.File("run.json"));

        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal("gunpoint-ed", run.GetProperty("pipeline").GetString());
        Assert.Equal(42, run.GetProperty("seed").GetInt32());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("error").ValueKind);
        var timings = run.GetProperty("timings");
        foreach (var t in new[] { "load_s", "fit_s", "predict_s", "report_s" })
            Assert.True(timings.GetProperty(t).GetDouble() >= 0, t);
    }

    [Fact]
    public void The_resolved_pipeline_records_what_actually_ran()
    {
        var yaml = File.ReadAllText(_ed.File("pipeline.resolved.yaml"));

        Assert.Contains("name: gunpoint-ed", yaml);
        Assert.Contains(Repo.Dataset("ucr", "GunPoint", "TRAIN", "tsv"), yaml);
        // Defaults the pipeline left out are written down.
        Assert.Contains("epsilon: 1E-08", yaml);
        Assert.Contains("window: 1", yaml);
        Assert.Contains("format: auto", yaml);
    }

    [Fact]
    public void The_run_log_tells_the_story_of_the_run()
    {
        var log = File.ReadAllText(_ed.File("run.log"));

        Assert.Contains("Loaded 50 training and 150 test series: 2 classes, 1 channel(s), length 150", log);
        Assert.Contains("Preprocessed with znorm", log);
        Assert.Contains("Finished in", log);
    }

    [Fact]
    public void Predictions_csv_has_a_row_per_test_series_with_probabilities()
    {
        var lines = File.ReadAllLines(_ed.File("predictions.csv"));

        Assert.Equal("id,label,predicted,p_1,p_2", lines[0]);
        Assert.Equal(151, lines.Length);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(Enumerable.Range(0, 150).Select(i => $"test-{i}"), rows.Select(r => r[0]));
        Assert.All(rows, r =>
        {
            var p = r[3..].Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(1.0, p.Sum(), 6);
            Assert.Equal(p[0] > p[1] ? "1" : "2", r[2]);
        });
        // Accuracy in metrics.json is the share of rows whose prediction is the label.
        var accuracy = Json(_ed.File("metrics.json")).GetProperty("accuracy").GetDouble();
        Assert.Equal(rows.Count(r => r[1] == r[2]) / 150.0, accuracy, 12);
    }

    [Fact]
    public async Task Predictions_parquet_holds_the_same_rows_as_the_csv()
    {
        var csv = File.ReadAllLines(_ed.File("predictions.csv")).Skip(1).Select(l => l.Split(',')).ToList();

        await using var stream = File.OpenRead(_ed.File("predictions.parquet"));
        await using var reader = await ParquetReader.CreateAsync(stream);
        Assert.Equal(1, reader.RowGroupCount);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(new[] { "id", "label", "predicted", "p_1", "p_2" }, fields.Select(f => f.Name));
        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(150, group.RowCount);

        var ids = new string?[group.RowCount];
        await group.ReadAsync(fields[0], ids.AsMemory());
        var predicted = new string?[group.RowCount];
        await group.ReadAsync(fields[2], predicted.AsMemory());
        var p2 = new float[group.RowCount];
        await group.ReadAsync<float>(fields[4], p2.AsMemory());

        Assert.Equal(csv.Select(r => r[0]), ids);
        Assert.Equal(csv.Select(r => r[2]), predicted);
        Assert.Equal(csv.Select(r => float.Parse(r[4], CultureInfo.InvariantCulture)), p2);
    }

    [Fact]
    public void The_saved_model_records_its_plugin_arguments_and_preprocessing()
    {
        var manifest = SavedModelManifest.Read(_ed.File("model"));

        Assert.Equal("1nn", manifest.ModelPlugin);
        Assert.Equal(new[] { "1", "2" }, manifest.Classes);
        Assert.Equal("znorm", Assert.Single(manifest.Preprocessors).Plugin);
        Assert.True(File.Exists(_ed.File("model/1nn.json")));
    }

    [Fact]
    public void A_saved_model_predicts_exactly_what_it_predicted_when_trained()
    {
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPointPredict(temp, "gunpoint-reuse", _ed.File("model"), temp["runs"]);

        var reused = PipelineFiles.Run(path);

        Assert.Equal(_ed.Result.Probabilities!.Values, reused.Probabilities!.Values);
        Assert.Equal(File.ReadAllText(_ed.File("predictions.csv")), File.ReadAllText(Path.Combine(reused.RunDirectory, "predictions.csv")));
        // A loaded model is not saved again.
        Assert.False(Directory.Exists(Path.Combine(reused.RunDirectory, "model")));
        Assert.Contains("Loaded saved 1nn model from", File.ReadAllText(Path.Combine(reused.RunDirectory, "run.log")));
    }

    [Fact]
    public void Runs_of_one_pipeline_get_separate_directories()
    {
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPoint(temp, "twice", "{plugin: 1nn}", temp["runs"]);

        var first = PipelineFiles.Run(path);
        var second = PipelineFiles.Run(path);

        Assert.NotEqual(first.RunDirectory, second.RunDirectory);
        Assert.Equal(first.Probabilities!.Values, second.Probabilities!.Values);
    }

    [Fact]
    public void Dtw_1nn_handles_series_of_unequal_length()
    {
        using var temp = new TempFolder();
        var path = temp.Write("vowels.yaml", $"""
            name: vowels-dtw
            loader:
              plugin: ucr
              with:
                train: {Repo.Dataset("uea", "JapaneseVowels", "TRAIN", "ts")}
                test: {Repo.Dataset("uea", "JapaneseVowels", "TEST", "ts")}
            model: {"{plugin: 1nn, with: {distance: dtw, window: 1.0}}"}
            report: [{"{plugin: metrics, with: {print: false}}"}]
            output: {temp["runs"]}
            """);

        var run = PipelineFiles.Run(path);

        // UEA archive: DTW-D 1-NN on JapaneseVowels is about 0.95 accurate.
        var accuracy = Json(Path.Combine(run.RunDirectory, "metrics.json")).GetProperty("accuracy").GetDouble();
        Assert.True(accuracy >= 0.9, $"accuracy {accuracy}");
        Assert.Equal(370, run.Probabilities!.Rows);
    }
}
