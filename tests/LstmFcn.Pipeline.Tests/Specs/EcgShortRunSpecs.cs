using System.Text.Json;
using LstmFcn.Pipeline.Engine.Running;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The short version of the full-scale ECG study (benchmarks/ecg/results.md), fast enough for CI: the feature model
/// of <c>pipelines/ecg-features-gb.yaml</c> (ecg-features → gradient boosting, fewer iterations) on the 300 real CinC 2017
/// records of <c>validation/</c>, 2-fold cross-validation, learns well above chance (macro-F1 of four classes ≈ 0.25);
/// its saved model then predicts a folder of records without labels exactly as the same folder with them. The shipped
/// ensemble of <c>pipelines/ecg-best.yaml</c>, as committed but for its data, epochs and folds, does the same.
/// </summary>
public sealed class EcgShortRunSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    static string Data => Path.Combine(Repo.Datasets, "cinc2017_af", "validation");

    static Dictionary<string, string[]> Rows(string directory) =>
        File.ReadAllLines(Path.Combine(directory, "predictions.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(r => r[0], r => r);

    string Predict(string model, string data, string name) =>
        new NewDataPrediction(Plugins.BuiltIn).Run(
            new PredictionRequest(model, new[] { data }, null, Array.Empty<string>(), _temp[name], Csv: true, Parquet: false),
            new RunOptions(SilentConsole.Instance, NoProgress.Instance));

    [Fact]
    public void The_feature_model_learns_from_300_records_and_its_saved_model_predicts_a_folder_without_labels_as_with_them()
    {
        var pipeline = _temp.Write("short.yaml", $$$"""
            name: ecg-short
            seed: 5
            threads: 2
            loader: {plugin: cinc2017, with: {data: {{{Data}}}}}
            preprocess: [ecg-features]
            model: {plugin: gradient-boosting, with: {iterations: 40}}
            evaluate: {kfold: 2}
            report: [{plugin: metrics, with: {print: false}}]
            output: {{{_temp["runs"]}}}
            """);

        var run = PipelineFiles.Run(pipeline);

        var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.RunDirectory, "metrics.json"))).RootElement;
        Assert.Equal(300, metrics.GetProperty("test_samples").GetInt32());
        Assert.True(metrics.GetProperty("macro_f1").GetDouble() > 0.6, $"out-of-fold macro-F1 {metrics.GetProperty("macro_f1").GetDouble():F3}");

        // The same records, no REFERENCE.csv: read from the headers in the folder.
        var unlabelled = _temp["unlabelled"];
        Directory.CreateDirectory(unlabelled);
        foreach (var file in Directory.EnumerateFiles(Data).Where(f => f.EndsWith(".hea") || f.EndsWith(".mat")))
            File.CreateSymbolicLink(Path.Combine(unlabelled, Path.GetFileName(file)), file);
        var withLabels = Rows(Predict(run.RunDirectory, Data, "predict-labelled"));
        var withoutLabels = Rows(Predict(run.RunDirectory, unlabelled, "predict-unlabelled"));

        Assert.Equal(300, withoutLabels.Count);
        Assert.Equal(withLabels.Keys.Order(), withoutLabels.Keys.Order());
        foreach (var (id, row) in withLabels)
        {
            Assert.Equal(row[2..], withoutLabels[id][2..]);   // predicted class and probabilities
            Assert.NotEqual("", row[1]);
            Assert.Equal("", withoutLabels[id][1]);
        }
    }

    [Fact]
    public void The_shipped_ensemble_learns_from_300_records_in_a_few_epochs_and_its_saved_model_predicts_a_folder()
    {
        var pipeline = PipelineFiles.Resolve(Path.Combine(Repo.Pipelines, "ecg-best.yaml"), null,
            $"loader.with.data={Data}", $"output={_temp["runs"]}", "evaluate={kfold: 2, final_fit: true}",
            "model.ensemble.0.with.iterations=40", "model.ensemble.1.with.epochs=2", "model.ensemble.1.with.blocks=4",
            "model.ensemble.2.with.epochs=3", "report=[{plugin: metrics, with: {print: false}}]");

        var run = PipelineFiles.Run(pipeline);

        var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.RunDirectory, "metrics.json"))).RootElement;
        Assert.Equal(300, metrics.GetProperty("test_samples").GetInt32());
        Assert.True(metrics.GetProperty("macro_f1").GetDouble() > 0.6, $"out-of-fold macro-F1 {metrics.GetProperty("macro_f1").GetDouble():F3}");
        var predicted = Rows(Predict(run.RunDirectory, Data, "predict"));
        Assert.Equal(300, predicted.Count);
        Assert.All(predicted.Values, row => Assert.Equal(1.0, row[3..].Sum(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)), 4));
    }
}
