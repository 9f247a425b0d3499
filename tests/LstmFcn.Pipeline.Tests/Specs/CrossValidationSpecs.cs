using System.Text.Json;
using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Engine.Running;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>evaluate: {kfold: K}</c>: every sample of the pooled train and test sets is predicted by a pipeline fitted
/// without it, folds are stratified and fixed by the seed, and a final pipeline fitted on everything is saved.
/// </summary>
public sealed class CrossValidationSpecs
{
    static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    static string GunPointCv(TempFolder temp, string evaluate, int seed = 42) => temp.Write($"cv-{seed}.yaml", $"""
        name: gunpoint-cv
        seed: {seed}
        device: cpu
        loader:
          plugin: ucr
          with:
            train: {Repo.Dataset("ucr", "GunPoint", "TRAIN", "tsv")}
            test: {Repo.Dataset("ucr", "GunPoint", "TEST", "tsv")}
        preprocess: [dataset-znorm]
        model: {"{plugin: 1nn, with: {distance: euclidean}}"}
        evaluate: {evaluate}
        report:
          - plugin: metrics
            with: {"{print: false}"}
        output: {temp["runs"]}
        """);

    [Fact]
    public void Every_pooled_sample_is_predicted_once_out_of_fold_and_scored()
    {
        using var temp = new TempFolder();
        var run = PipelineFiles.Run(GunPointCv(temp, "{kfold: 5}"));

        var cv = Json(Path.Combine(run.RunDirectory, "cross-validation.json"));
        Assert.Equal(200, cv.GetProperty("samples").GetInt32());
        Assert.Equal(5, cv.GetProperty("folds").GetArrayLength());
        Assert.Equal(200, cv.GetProperty("folds").EnumerateArray().Sum(f => f.GetProperty("held_out").GetInt32()));
        var ids = cv.GetProperty("assignment").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(200, ids.Distinct().Count());

        var metrics = Json(Path.Combine(run.RunDirectory, "metrics.json"));
        Assert.Equal("5-fold cv", metrics.GetProperty("evaluation").GetString());
        Assert.Equal(200, metrics.GetProperty("test_samples").GetInt32());
        // ED-1NN on GunPoint is ≈ 0.91 on the official split; trained on 160 instead of 50 it does at least as well.
        Assert.True(metrics.GetProperty("accuracy").GetDouble() >= 0.90, metrics.GetProperty("accuracy").ToString());
        Assert.Equal(201, File.ReadAllLines(Path.Combine(run.RunDirectory, "predictions.csv")).Length);
    }

    [Fact]
    public void Folds_are_stratified_and_fixed_by_the_seed()
    {
        var labels = Enumerable.Range(0, 103).Select(i => i % 10 == 0 ? 2 : i % 3 == 0 ? 1 : 0).ToArray();

        var a = StratifiedFolds.Assign(labels, 5, seed: 7);
        var b = StratifiedFolds.Assign(labels, 5, seed: 7);
        var c = StratifiedFolds.Assign(labels, 5, seed: 8);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        var sizes = Enumerable.Range(0, 5).Select(f => a.Count(x => x == f)).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes));
        foreach (var cls in labels.Distinct())
        {
            var perFold = Enumerable.Range(0, 5).Select(f => labels.Where((l, i) => l == cls && a[i] == f).Count()).ToArray();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"class {cls}: {string.Join(",", perFold)}");
        }
    }

    [Fact]
    public void A_final_pipeline_is_fitted_on_everything_and_saved_unless_switched_off()
    {
        using var temp = new TempFolder();
        var withFinal = PipelineFiles.Run(GunPointCv(temp, "{kfold: 3}"));
        var without = PipelineFiles.Run(GunPointCv(temp, "{kfold: 3, final_fit: false}", seed: 43));

        Assert.True(File.Exists(Path.Combine(withFinal.RunDirectory, "model", SavedModelManifest.FileName)));
        Assert.False(Directory.Exists(Path.Combine(without.RunDirectory, "model")));
        Assert.True(File.Exists(Path.Combine(without.RunDirectory, "metrics.json")));
    }

    [Fact]
    public void A_bad_fold_count_is_reported_at_its_line()
    {
        using var temp = new TempFolder();
        var errors = PipelineFiles.Errors(GunPointCv(temp, "{kfold: 1, folds: 3}"));

        Assert.Contains(errors, e => e.Message.Contains("kfold must be an integer ≥ 2") && e.Location.Line == 11);
        Assert.Contains(errors, e => e.Message.Contains("unknown key 'folds'"));
    }
}
