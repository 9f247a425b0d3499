using System.Text.Json;
using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>model: {ensemble: [...], weights: [...]}</c>: several models fitted on the same data, each after its own extra
/// preprocessing, predicting the weighted mean of their class probabilities. It is exactly that mean; it saves as one
/// model folder that predicts again; it cross-validates like any model; and its mistakes are reported before any work.
/// </summary>
public sealed class EnsembleSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    const string Forest = "{plugin: random-forest, with: {trees: 20}}";

    [Fact]
    public void An_ensemble_predicts_the_weighted_mean_of_its_models_probabilities()
    {
        var output = _temp["runs"];
        var nearest = PipelineFiles.Run(PipelineFiles.GunPoint(_temp, "nearest", "{plugin: 1nn}", output)).Probabilities!;
        var forest = PipelineFiles.Run(PipelineFiles.GunPoint(_temp, "forest", Forest, output)).Probabilities!;

        var ensemble = PipelineFiles.Run(PipelineFiles.GunPoint(_temp, "both",
            $"{{ensemble: [{{plugin: 1nn}}, {Forest}], weights: [1, 3]}}", output));

        var mean = ensemble.Probabilities!.Values;
        Assert.Equal(nearest.Values.Length, mean.Length);
        for (int j = 0; j < mean.Length; j++)
            Assert.Equal((nearest.Values[j] + 3 * forest.Values[j]) / 4, mean[j], 6);
        var run = Json(Path.Combine(ensemble.RunDirectory, "run.json"));
        Assert.Equal("1nn+random-forest", run.GetProperty("model").GetString());
        // Members keep their own artifacts apart.
        Assert.True(File.Exists(Path.Combine(ensemble.RunDirectory, "members", "2-random-forest", "feature-importance.csv")));
    }

    [Fact]
    public void Each_model_sees_its_own_preprocessing_and_the_saved_ensemble_predicts_the_same()
    {
        var output = _temp["runs"];
        var trained = PipelineFiles.Run(PipelineFiles.GunPoint(_temp, "members",
            $"{{ensemble: [{{plugin: 1nn}}, {{plugin: random-forest, with: {{trees: 20}}, preprocess: [differences]}}]}}", output, "znorm"));
        var model = Path.Combine(trained.RunDirectory, "model");

        var top = Json(Path.Combine(model, "pipeline-model.json"));
        Assert.Equal("ensemble", top.GetProperty("ModelPlugin").GetString());
        Assert.Equal(new[] { "znorm" }, top.GetProperty("Preprocessors").EnumerateArray().Select(p => p.GetProperty("Plugin").GetString()));
        Assert.Equal(new[] { "members/1-1nn", "members/2-random-forest" }, top.GetProperty("Members").EnumerateArray().Select(m => m.GetString()));
        var forestMember = Path.Combine(model, "members", "2-random-forest");
        Assert.Equal("differences", Json(Path.Combine(forestMember, "pipeline-model.json")).GetProperty("Preprocessors")[0].GetProperty("Plugin").GetString());
        Assert.Equal(2, Json(Path.Combine(forestMember, "forest.json")).GetProperty("channels").GetInt32()); // GunPoint + its differences
        Assert.Empty(Json(Path.Combine(model, "members", "1-1nn", "pipeline-model.json")).GetProperty("Preprocessors").EnumerateArray());

        var applied = PipelineFiles.Run(PipelineFiles.GunPointPredict(_temp, "apply", model, output));

        Assert.Equal(trained.Probabilities!.Values, applied.Probabilities!.Values);
        var accuracy = Json(Path.Combine(applied.RunDirectory, "metrics.json")).GetProperty("accuracy").GetDouble();
        Assert.True(accuracy >= 0.85, $"accuracy {accuracy}");
    }

    [Fact]
    public void A_repeated_model_trains_its_copies_from_different_seeds_and_averages_them()
    {
        var output = _temp["runs"];
        var lone = PipelineFiles.Run(PipelineFiles.GunPoint(_temp, "lone", Forest, output)).Probabilities!;

        var repeated = PipelineFiles.Run(PipelineFiles.GunPoint(_temp, "deep",
            "{ensemble: [{plugin: random-forest, with: {trees: 20}, repeat: 3}]}", output));

        float[] Copy(int n) => PipelineFiles.Run(PipelineFiles.GunPointPredict(_temp, $"copy{n}",
            Path.Combine(repeated.RunDirectory, "model", "members", $"{n}-random-forest"), output)).Probabilities!.Values;
        var copies = new[] { Copy(1), Copy(2), Copy(3) };
        // The first copy trains with the run's seed: it is the lone model. The others draw their own bootstraps.
        Assert.Equal(lone.Values, copies[0]);
        Assert.NotEqual(copies[0], copies[1]);
        Assert.NotEqual(copies[1], copies[2]);
        var mean = repeated.Probabilities!.Values;
        for (int j = 0; j < mean.Length; j++)
            Assert.Equal((copies[0][j] + copies[1][j] + copies[2][j]) / 3, mean[j], 6);
        Assert.Equal("random-forest×3", Json(Path.Combine(repeated.RunDirectory, "run.json")).GetProperty("model").GetString());
        // The resolved pipeline keeps the one listed model with its repeat count and weight.
        var resolved = PipelineFiles.Resolve(Path.Combine(repeated.RunDirectory, "pipeline.resolved.yaml"));
        Assert.Equal(new[] { 0, 1, 2 }, resolved.Ensemble!.Members.Select(m => m.Copy));
        Assert.All(resolved.Ensemble.Weights, w => Assert.Equal(1.0 / 3, w, 12));
        Assert.Equal(new[] { 1.0 }, resolved.Ensemble.ListedWeights);
    }

    [Fact]
    public void An_ensemble_cross_validates_and_its_resolved_pipeline_reads_back()
    {
        var path = _temp.Write("cv.yaml", $"""
            name: cv
            seed: 42
            device: cpu
            loader: {PipelineFiles.GunPointLoader}
            model:
              ensemble:
                - plugin: 1nn
                - plugin: gradient-boosting
                  with: {"{iterations: 20}"}
                  preprocess: [differences]
              weights: [2, 1]
            evaluate: {"{kfold: 3}"}
            report: [{"{plugin: metrics, with: {print: false}}"}]
            output: {_temp["runs"]}
            """);

        var run = PipelineFiles.Run(path);

        var accuracy = Json(Path.Combine(run.RunDirectory, "metrics.json")).GetProperty("accuracy").GetDouble();
        Assert.True(accuracy >= 0.85, $"out-of-fold accuracy {accuracy} (two classes, chance 0.5)");
        Assert.True(File.Exists(Path.Combine(run.RunDirectory, "folds", "fold-1", "members", "2-gradient-boosting", "history.csv")));
        // Each model is scored alone on the same folds: its out-of-fold predictions and accuracy.
        var members = Json(Path.Combine(run.RunDirectory, "cross-validation.json")).GetProperty("ensemble_members").EnumerateArray().ToList();
        Assert.Equal(new[] { "1-1nn", "2-gradient-boosting" }, members.Select(m => m.GetProperty("model").GetString()));
        Assert.All(members, m => Assert.InRange(m.GetProperty("accuracy").GetDouble(), 0.8, 1.0));
        Assert.Equal(201, File.ReadAllLines(Path.Combine(run.RunDirectory, "members", "1-1nn", "predictions.csv")).Length);
        var resolved = PipelineFiles.Resolve(Path.Combine(run.RunDirectory, "pipeline.resolved.yaml"));
        Assert.Null(resolved.Model);
        Assert.Equal(new[] { "1nn", "gradient-boosting" }, resolved.Ensemble!.Members.Select(m => m.Model.Plugin.Name));
        Assert.Equal(new[] { 2.0, 1.0 }, resolved.Ensemble.Weights);
        Assert.Equal(20, resolved.Ensemble.Members[1].Model.Arguments.GetInt("iterations"));
        Assert.Equal("differences", resolved.Ensemble.Members[1].Preprocess.Single().Plugin.Name);
    }

    [Fact]
    public void The_run_report_has_a_section_for_each_model_of_an_ensemble()
    {
        var path = _temp.Write("reported.yaml", $"""
            name: reported
            seed: 42
            device: cpu
            loader: {PipelineFiles.GunPointLoader}
            model: {"{ensemble: [1nn, {plugin: gradient-boosting, with: {iterations: 15}}]}"}
            report: [{"{plugin: metrics, with: {print: false}}"}, report]
            output: {_temp["runs"]}
            """);

        var run = PipelineFiles.Run(path);

        var md = File.ReadAllText(Path.Combine(run.RunDirectory, "report.md"));
        Assert.Contains("## Ensemble model 1-1nn", md);
        Assert.Contains("## Ensemble model 2-gradient-boosting", md);
        Assert.Contains("(report/2-gradient-boosting-training-loss.png)", md);
        Assert.Contains("(report/2-gradient-boosting-feature-importance.png)", md);
        Assert.True(File.Exists(Path.Combine(run.RunDirectory, "report", "2-gradient-boosting-feature-importance.png")));
    }

    [Theory]
    [InlineData("sits-samples-ndvi-ensemble.yaml")]
    [InlineData("sits-samples-4bands-ensemble.yaml")]
    [InlineData("sinop-ensemble.yaml")]
    public void The_ensemble_pipelines_are_valid(string file)
    {
        var pipeline = PipelineFiles.Resolve(Path.Combine(Repo.Pipelines, file));

        Assert.Equal("lstm-fcn+gradient-boosting", pipeline.ModelName);
    }

    string Pipeline(string model) => _temp.Write("bad.yaml", $"""
        loader: {PipelineFiles.GunPointLoader}
        model:
        {model}
        """);

    [Theory]
    [InlineData("  ensemble: [{plugin: 1nn}]", "model.ensemble must list at least two models")]
    [InlineData("  ensemble: [1nn, random-forest]\n  weights: [1]", "model.weights must list 2 non-negative numbers")]
    [InlineData("  ensemble: [1nn, randm-forest]", "model.ensemble[1]: unknown model plugin 'randm-forest'; did you mean 'random-forest'?")]
    [InlineData("  ensemble: [1nn, {plugin: random-forest, preprocess: [1nn]}]",
        "model.ensemble[1].preprocess[0]: '1nn' is a model plugin; this step needs a preprocessor")]
    [InlineData("  ensemble: [1nn, {plugin: random-forest, with: {trees: many}}]", "model.ensemble[1]")]
    [InlineData("  ensemble: [1nn, random-forest]\n  plugin: 1nn", "unknown key 'plugin' in model: an ensemble takes 'ensemble'")]
    [InlineData("  ensemble: [{plugin: 1nn, repeat: 1}]", "model.ensemble must list at least two models")]
    [InlineData("  ensemble: [{plugin: 1nn, repeat: 0}]", "model.ensemble[0].repeat must be a whole number from 1 to 100")]
    [InlineData("  ensemble: [1nn, {plugin: random-forest, repeat: three}]", "model.ensemble[1].repeat must be a whole number from 1 to 100")]
    public void Ensemble_mistakes_are_reported_with_their_place(string model, string expected)
    {
        var path = Pipeline(model);

        var errors = PipelineFiles.Errors(path);

        Assert.Contains(errors, e => e.Message.Contains(expected, StringComparison.Ordinal) && e.Location.Source == path && e.Location.Line >= 2);
    }
}
