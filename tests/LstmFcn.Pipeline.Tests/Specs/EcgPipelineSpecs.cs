using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The ECG plugins run end to end through the engine on the real CinC 2017 records: the shipped pipelines are
/// valid, a saved model re-applies every fitted signal step to new data exactly, and cross-validation scores only the
/// original records however much the training folds are augmented. (1-NN keeps these fast; the deep pipelines
/// differ only in the model.)
/// </summary>
[Collection(LibTorchCollection.Name)]
public sealed class EcgPipelineSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    static string Data => Path.Combine(Repo.Datasets, "cinc2017_af", "validation");

    static string[] PredictionRows(string runDirectory) => File.ReadAllLines(Path.Combine(runDirectory, "predictions.csv"));

    [Theory]
    [InlineData("ecg-lstm-fcn.yaml", new[] { "bandpass", "resample", "crop-pad", "znorm" })]
    [InlineData("ecg-stft-lstm-fcn.yaml", new[] { "bandpass", "crop-pad", "stft", "dataset-znorm" })]
    public void The_shipped_ecg_pipelines_are_valid(string file, string[] steps)
    {
        var pipeline = PipelineFiles.Resolve(Path.Combine(Repo.Pipelines, file));

        Assert.Equal("cinc2017", pipeline.Loader.Plugin.Name);
        Assert.Equal(Data, pipeline.Loader.Arguments.GetString("data"));
        Assert.Equal(steps, pipeline.Preprocess.Select(s => s.Plugin.Name));
        Assert.Equal("lstm-fcn", pipeline.Model!.Plugin.Name);
        Assert.Equal(5, pipeline.Definition.Evaluation!.KFold);
    }

    [Theory]
    [InlineData("ecg-features-gb.yaml", new[] { "ecg-features" }, "gradient-boosting", true)]
    [InlineData("ecg-residual-cnn.yaml", new[] { "bandpass", "resample", "crop-pad", "znorm" }, "ecg-residual-cnn", false)]
    public void The_full_scale_pipelines_read_the_7528_training_records_and_cross_validate(string file, string[] steps, string model, bool savesModel)
    {
        var pipeline = PipelineFiles.Resolve(Path.Combine(Repo.Pipelines, file));

        Assert.Equal(Path.Combine(Repo.Datasets, "cinc2017_af", "training"), pipeline.Loader.Arguments.GetString("data"));
        Assert.Equal(steps, pipeline.Preprocess.Select(s => s.Plugin.Name));
        Assert.Equal(model, pipeline.Model!.Plugin.Name);
        Assert.Equal(5, pipeline.Definition.Evaluation!.KFold);
        Assert.Equal(savesModel, pipeline.Definition.Evaluation!.FinalFit);
    }

    [Fact]
    public void The_shipped_best_model_averages_features_raw_signal_and_spectrogram_models_fitted_on_all_7528_records()
    {
        var pipeline = PipelineFiles.Resolve(Path.Combine(Repo.Pipelines, "ecg-best.yaml"));

        Assert.Equal(Path.Combine(Repo.Datasets, "cinc2017_af", "training"), pipeline.Loader.Arguments.GetString("data"));
        Assert.Empty(pipeline.Preprocess);
        var members = pipeline.Ensemble!.Members;
        Assert.Equal(new[] { "gradient-boosting", "ecg-residual-cnn", "lstm-fcn" }, members.Select(m => m.Model.Plugin.Name));
        Assert.Equal(new[] { "ecg-features" }, members[0].Preprocess.Select(s => s.Plugin.Name));
        Assert.Equal(new[] { "bandpass", "resample", "crop-pad", "znorm" }, members[1].Preprocess.Select(s => s.Plugin.Name));
        Assert.Equal(new[] { "bandpass", "crop-pad", "stft", "dataset-znorm" }, members[2].Preprocess.Select(s => s.Plugin.Name));
        Assert.Equal(new[] { 1.0, 0.75, 0.75 }, pipeline.Ensemble.Weights);   // chosen by CV inside the 7 528 (results.md)
        Assert.Null(pipeline.Definition.Evaluation);   // fits on every record and saves the model; the CV is a --set away
    }

    [Theory]
    [InlineData("[{plugin: bandpass}, {plugin: resample, with: {rate: 100}}, {plugin: crop-pad, with: {length: 2000}}, " +
                "{plugin: augment, with: {classes: [AF], copies: 2}}, {plugin: paa, with: {ratio: 0.5}}, dataset-znorm]")]
    [InlineData("[{plugin: bandpass, with: {low: 1, high: 0}}, {plugin: crop-pad, with: {length: 0, pad: edge}}, " +
                "{plugin: stft, with: {n_fft: 128, hop: 128, bins: 20}}, dataset-znorm]")]
    public void A_saved_model_predicts_new_records_exactly_as_the_run_that_trained_it(string preprocess)
    {
        var heldOut = _temp.Write("held-out", string.Join("\n", "A00001 A00005 A00100 A00093 A00105 A04805 A00013 A00044".Split(' ')));
        var train = _temp.Write("train.yaml", $"""
            name: ecg-train
            seed: 3
            loader: {"{"}plugin: cinc2017, with: {"{"}data: {Data}, test_records: {heldOut}{"}}"}
            preprocess: {preprocess}
            model: {"{"}plugin: 1nn{"}"}
            report: [{"{"}plugin: metrics, with: {"{"}print: false{"}}"}]
            output: {_temp["runs"]}
            """);
        var trained = PipelineFiles.Run(train);
        var reuse = _temp.Write("reuse.yaml", $"""
            name: ecg-reuse
            loader: {"{"}plugin: cinc2017, with: {"{"}data: {Data}, test_records: {heldOut}{"}}"}
            model: {"{"}from: {Path.Combine(trained.RunDirectory, "model")}{"}"}
            report: [{"{"}plugin: metrics, with: {"{"}print: false{"}}"}]
            output: {_temp["runs"]}
            """);

        var reused = PipelineFiles.Run(reuse);

        Assert.Equal(8, reused.Test.Count);
        Assert.Equal(trained.Test.Samples.Select(s => s.Values), reused.Test.Samples.Select(s => s.Values));
        Assert.Equal(trained.Probabilities!.Values, reused.Probabilities!.Values);
        Assert.Equal(PredictionRows(trained.RunDirectory), PredictionRows(reused.RunDirectory));
    }

    [Fact]
    public void Cross_validation_scores_each_original_record_once_and_never_an_augmented_copy()
    {
        var path = _temp.Write("cv.yaml", $"""
            name: ecg-cv
            seed: 11
            loader: {"{"}plugin: cinc2017, with: {"{"}data: {Data}{"}}"}
            preprocess:
              - {"{"}plugin: resample, with: {"{"}rate: 50{"}}"}
              - {"{"}plugin: crop-pad, with: {"{"}length: 500{"}}"}
              - {"{"}plugin: augment, with: {"{"}classes: [AF, Noisy], copies: 3, noise: 0.1{"}}"}
              - znorm
            model: {"{"}plugin: 1nn{"}"}
            evaluate: {"{"}kfold: 3, final_fit: false{"}"}
            report: [{"{"}plugin: metrics, with: {"{"}print: false{"}}"}]
            output: {_temp["runs"]}
            """);

        var run = PipelineFiles.Run(path);

        var rows = PredictionRows(run.RunDirectory).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(300, rows.Count);
        Assert.Equal(300, rows.Select(r => r[0]).Distinct().Count());
        Assert.DoesNotContain(rows, r => r[0].Contains("#aug"));
        // The training folds did get the copies: 3 per AF or Noisy record outside the held-out fold.
        var label = rows.ToDictionary(r => r[0], r => r[1]);
        var fold = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(run.RunDirectory, "cross-validation.json")))
            .RootElement.GetProperty("assignment").EnumerateArray()
            .ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("fold").GetInt32());
        var augmented = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Path.Combine(run.RunDirectory, "run.log")),
            @"Preprocessed with augment: (\d+) series").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        var expected = Enumerable.Range(1, 3).Select(f =>
        {
            var training = fold.Where(kv => kv.Value != f).Select(kv => label[kv.Key]).ToList();
            return training.Count + 3 * training.Count(l => l is "AF" or "Noisy");
        });
        Assert.Equal(expected, augmented);
    }
}
