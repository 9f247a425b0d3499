using System.Text.Json;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>lstmfcn predict MODEL DATA…</c>: a saved model applied to new series, labelled or not, read by the loader it
/// was trained with; its probabilities are those the training run gave the same series, and data it cannot take is
/// refused before anything is written.
/// </summary>
public sealed class PredictCommandSpecs : IDisposable
{
    readonly TempFolder _temp = new();
    public void Dispose() => _temp.Dispose();

    static string SitsWide => Path.Combine(Repo.Datasets, "sits_mod13q1_sinop", "samples", "samples_mt_4bands_ndvi_wide.csv");

    /// <summary>Trains a small forest on GunPoint (probabilities that are not all 0/1) and returns the run directory.</summary>
    string TrainGunPoint() => PipelineFiles.Run(PipelineFiles.GunPoint(_temp, "gunpoint-forest",
        "{plugin: random-forest, with: {trees: 15}}", _temp["runs"], "znorm")).RunDirectory;

    static string[] Lines(string path) => File.ReadAllLines(path);

    /// <summary>predictions.csv rows without the id and label columns: predicted class and probabilities.</summary>
    static List<string> PredictedColumns(string csv) =>
        Lines(csv).Skip(1).Select(l => string.Join(",", l.Split(',').Skip(2))).ToList();

    [Fact]
    public void Unlabelled_ucr_series_get_the_probabilities_the_training_run_gave_them()
    {
        var run = TrainGunPoint();
        var unlabelled = _temp.Write("new.tsv", string.Join("\n",
            Lines(Repo.Dataset("ucr", "GunPoint", "TEST", "tsv")).Select(l => l[(l.IndexOf('\t') + 1)..])) + "\n");

        var result = Cli.Run(_temp.Path, "predict", run, unlabelled, "--with", "labels=none", "--output", _temp["out"], "-q");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(PredictedColumns(Path.Combine(run, "predictions.csv")), PredictedColumns(_temp["out/predictions.csv"]));
        Assert.All(Lines(_temp["out/predictions.csv"]).Skip(1), l => Assert.Equal("", l.Split(',')[1]));
        Assert.False(File.Exists(_temp["out/metrics.json"]), "unlabelled series are not scored");
        using var info = JsonDocument.Parse(File.ReadAllText(_temp["out/predict.json"]));
        Assert.Equal(150, info.RootElement.GetProperty("series").GetInt32());
        Assert.Equal(0, info.RootElement.GetProperty("labelled").GetInt32());
    }

    [Fact]
    public void Labelled_series_are_predicted_and_scored()
    {
        var run = TrainGunPoint();

        var result = Cli.Run(_temp.Path, "predict", run, Repo.Dataset("ucr", "GunPoint", "TEST", "tsv"), "--output", _temp["out"], "-q");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(PredictedColumns(Path.Combine(run, "predictions.csv")), PredictedColumns(_temp["out/predictions.csv"]));
        using var trained = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "scores.json")));
        using var scored = JsonDocument.Parse(File.ReadAllText(_temp["out/metrics.json"]));
        Assert.Equal(trained.RootElement.GetProperty("accuracy").GetDouble(), scored.RootElement.GetProperty("accuracy").GetDouble());
        Assert.True(scored.RootElement.TryGetProperty("kappa", out _));
    }

    [Fact]
    public void A_table_without_its_label_column_predicts_like_the_labelled_test_table()
    {
        // The table is sorted by class: every fourth sample is a test sample.
        var rows = Lines(SitsWide);
        var samples = rows.Skip(1).ToList();
        var testRows = samples.Where((_, i) => i % 4 == 0).ToList();
        var train = _temp.Write("train.csv", string.Join("\n", new[] { rows[0] }.Concat(samples.Where((_, i) => i % 4 != 0))) + "\n");
        var test = _temp.Write("test.csv", string.Join("\n", new[] { rows[0] }.Concat(testRows)) + "\n");
        // The label column dropped: new samples as a user would have them.
        var newTable = _temp.Write("new.csv", string.Join("\n", new[] { rows[0] }.Concat(testRows)
            .Select(l => { var c = l.Split(','); return string.Join(",", c.Take(1).Concat(c.Skip(2))); })) + "\n");
        var pipeline = _temp.Write("sits.yaml", $"""
            name: sits-forest
            seed: 42
            loader: {"{"}plugin: sample-table, with: {"{"}train: {train}, test: {test}, bands: [NDVI]{"}}"}
            model: {"{plugin: random-forest, with: {trees: 15}}"}
            output: {_temp["runs"]}
            """);
        var run = PipelineFiles.Run(pipeline).RunDirectory;

        var result = Cli.Run(_temp.Path, "predict", run, newTable, "--output", _temp["out"], "-q");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(PredictedColumns(Path.Combine(run, "predictions.csv")), PredictedColumns(_temp["out/predictions.csv"]));
        Assert.Equal(testRows.Count, Lines(_temp["out/predictions.csv"]).Length - 1);
    }

    [Fact]
    public void Series_of_another_length_are_refused_naming_the_file_and_nothing_is_written()
    {
        var run = TrainGunPoint();
        var shorter = _temp.Write("short.tsv", string.Join("\n",
            Lines(Repo.Dataset("ucr", "GunPoint", "TEST", "tsv")).Take(5).Select(l => string.Join("\t", l.Split('\t').Take(100)))) + "\n");

        var result = Cli.Run(_temp.Path, "predict", run, shorter, "--output", _temp["out"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("short.tsv", result.Stderr);
        Assert.Contains("150", result.Stderr);
        Assert.False(Directory.Exists(_temp["out"]), "nothing may be written for input the model cannot take");
    }

    [Fact]
    public void A_label_the_model_never_saw_is_reported_not_a_crash()
    {
        var run = TrainGunPoint();
        var relabelled = _temp.Write("relabelled.tsv", string.Join("\n",
            Lines(Repo.Dataset("ucr", "GunPoint", "TEST", "tsv")).Take(10).Select((l, i) => i < 3 ? "7" + l[l.IndexOf('\t')..] : l)) + "\n");

        var result = Cli.Run(_temp.Path, "predict", run, relabelled, "--output", _temp["out"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var info = JsonDocument.Parse(File.ReadAllText(_temp["out/predict.json"]));
        Assert.Equal(3, info.RootElement.GetProperty("unknown_labels").GetProperty("7").GetInt32());
        Assert.Equal(7, info.RootElement.GetProperty("labelled").GetInt32());
        Assert.Contains("7", result.Stdout + result.Stderr);
    }
}
