using System.Text.Json;
using LstmFcn.Pipeline.Engine.Running;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>ecg-residual-cnn</c>, the Hannun-style 1-D residual CNN, learns real data (GunPoint: 50 training series, 150
/// test; chance 0.5) with the same recipe as the other deep models, saves and reloads exactly, and refuses options it
/// cannot build before anything runs.
/// </summary>
[Collection(LibTorchCollection.Name)]
public sealed class ResidualCnnSpecs
{
    static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    static double Accuracy(RunResult run) => Json(Path.Combine(run.RunDirectory, "metrics.json")).GetProperty("accuracy").GetDouble();
    static string[] Probabilities(RunResult run) =>
        File.ReadLines(Path.Combine(run.RunDirectory, "predictions.csv")).Skip(1).Select(l => string.Join(',', l.Split(',').Skip(3))).ToArray();

    [Fact]
    public void The_residual_cnn_learns_gunpoint_and_its_saved_model_predicts_exactly_what_it_predicted()
    {
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPoint(temp, "gunpoint-rescnn",
            "{plugin: ecg-residual-cnn, with: {epochs: 30, filters: 16, kernel: 7, blocks: 3, batch_size: 8, learning_rate: 3.0e-3, dropout: 0, head_dropout: 0, lr_patience: 10}}", temp["runs"], "dataset-znorm");

        var run = PipelineFiles.Run(path);

        Assert.True(Accuracy(run) >= 0.85, $"accuracy {Accuracy(run)}");
        var saved = Json(Path.Combine(run.RunDirectory, "model", "network.json")).GetProperty("Network");
        Assert.Equal("ResidualCnn", saved.GetProperty("Architecture").GetString());
        Assert.Equal(3, saved.GetProperty("ResidualBlocks").GetInt32());
        var predict = PipelineFiles.GunPointPredict(temp, "gunpoint-rescnn-predict", Path.Combine(run.RunDirectory, "model"), temp["predict-runs"]);
        Assert.Equal(Probabilities(run), Probabilities(PipelineFiles.Run(predict)));
    }

    [Fact]
    public void Filters_doubled_past_4096_are_refused_when_the_pipeline_is_resolved()
    {
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPoint(temp, "too-wide", "{plugin: ecg-residual-cnn, with: {filters: 1024, blocks: 16, double_every: 4}}", temp["runs"]);

        var errors = PipelineFiles.Errors(path);

        Assert.Contains(errors, e => e.Message.Contains("filters 1024 doubled every 4 of 16 blocks exceeds 4096 filters"));
    }
}
