using System.Globalization;
using System.Text.Json;
using LstmFcn.Pipeline.Engine.Running;
using LstmFcn.Pipeline.Tests.Support;
using TorchSharp;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// LSTM-FCN and ALSTM-FCN on TorchSharp, run end to end through the engine on real UCR/UEA data: TorchSharp loads
/// on this machine, the models learn, a saved model predicts exactly what it predicted, runs are deterministic and
/// resumable, and training leaks no tensors.
/// </summary>
[Collection(LibTorchCollection.Name)]
public sealed class DeepModelSpecs : IClassFixture<DeepModelSpecs.LstmFcnRun>
{
    /// <summary>The CI's short version of the recipe: LSTM-FCN on GunPoint for 150 epochs.</summary>
    public sealed class LstmFcnRun : IDisposable
    {
        public TempFolder Temp { get; } = new();
        public RunResult Result { get; }

        public LstmFcnRun()
        {
            var path = PipelineFiles.GunPoint(Temp, "gunpoint-lstmfcn", "{plugin: lstm-fcn, with: {epochs: 150}}", Temp["runs"], "dataset-znorm");
            Result = PipelineFiles.Run(path);
        }

        public void Dispose() => Temp.Dispose();
    }

    readonly LstmFcnRun _run;
    public DeepModelSpecs(LstmFcnRun run) => _run = run;

    static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    static double Accuracy(RunResult run) => Json(Path.Combine(run.RunDirectory, "metrics.json")).GetProperty("accuracy").GetDouble();

    /// <summary>Probability columns of predictions.csv, exactly as written.</summary>
    static string[] Probabilities(RunResult run) =>
        File.ReadLines(Path.Combine(run.RunDirectory, "predictions.csv")).Skip(1).Select(l => string.Join(',', l.Split(',').Skip(3))).ToArray();

    /// <summary>history.csv without the seconds column (timing differs between identical runs).</summary>
    static string[] HistoryWithoutTimes(RunResult run) =>
        File.ReadLines(Path.Combine(run.RunDirectory, "history.csv")).Select(l => string.Join(',', l.Split(',').Take(7))).ToArray();

    /// <summary>The message of a GunPoint run with <paramref name="model"/> that must fail.</summary>
    static string FailureOf(string model)
    {
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPoint(temp, "refused", model, temp["runs"], "dataset-znorm");
        return Assert.Throws<RunFailedException>(() => PipelineFiles.Run(path)).Message;
    }

    [Fact]
    public void TorchSharp_initialises_in_this_host()
    {
        // On Debian 12 this only works because the build marked GLIBCXX_3.4.32 weak in libLibTorchSharp.so.
        using var t = torch.arange(1, 5, dtype: torch.float32);
        Assert.Equal(10f, t.sum().item<float>());
    }

    [Fact]
    public void Lstm_fcn_learns_gunpoint_in_150_epochs()
    {
        var accuracy = Accuracy(_run.Result);
        Assert.True(accuracy >= 0.90, $"accuracy {accuracy}");
        Assert.Equal(151, File.ReadLines(Path.Combine(_run.Result.RunDirectory, "history.csv")).Count());
        Assert.True(File.Exists(Path.Combine(_run.Result.RunDirectory, "model", "network.weights")));
        Assert.True(File.Exists(Path.Combine(_run.Result.RunDirectory, "checkpoint", "state.json")));
    }

    [Fact]
    public void A_saved_model_predicts_exactly_what_it_predicted()
    {
        var temp = _run.Temp;
        var path = PipelineFiles.GunPointPredict(temp, "gunpoint-predict", Path.Combine(_run.Result.RunDirectory, "model"), temp["predict-runs"]);

        var again = PipelineFiles.Run(path);

        Assert.Equal(Probabilities(_run.Result), Probabilities(again));
    }

    [Fact]
    public void Alstm_fcn_learns_gunpoint_and_exports_its_attention()
    {
        using var temp = new TempFolder();
        var path = WithAttentionReporter(PipelineFiles.GunPoint(temp, "gunpoint-alstmfcn", "{plugin: alstm-fcn, with: {epochs: 150}}", temp["runs"], "dataset-znorm"));

        var run = PipelineFiles.Run(path);

        Assert.True(Accuracy(run) >= 0.90, $"accuracy {Accuracy(run)}");
        var attention = File.ReadAllLines(Path.Combine(run.RunDirectory, "attention.csv"));
        Assert.Equal(151, attention.Length);                       // header + one row per test series
        Assert.Equal(1 + 150, attention[0].Split(',').Length);     // id + one context value per time point
    }

    [Fact]
    public void Predicting_with_an_attention_network_writes_no_file_only_the_attention_reporter_does()
    {
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPoint(temp, "gunpoint-alstm-plain",
            "{plugin: alstm-fcn, with: {epochs: 2, filters: [8, 16, 8]}}", temp["runs"], "dataset-znorm");

        var run = PipelineFiles.Run(path);

        Assert.False(File.Exists(Path.Combine(run.RunDirectory, "attention.csv")), "prediction wrote attention.csv");
        Assert.False(File.Exists(Path.Combine(run.RunDirectory, "attention.csv.partial")));
    }

    /// <summary>Adds the attention reporter after metrics.</summary>
    static string WithAttentionReporter(string pipeline)
    {
        var text = File.ReadAllText(pipeline);
        File.WriteAllText(pipeline, text.Replace("report:\n", "report:\n  - attention\n"));
        Assert.Contains("- attention", File.ReadAllText(pipeline));
        return pipeline;
    }

    [Fact]
    public void Temporal_attention_is_a_distribution_over_time()
    {
        using var temp = new TempFolder();
        var path = WithAttentionReporter(PipelineFiles.GunPoint(temp, "gunpoint-alstm-temporal",
            "{plugin: alstm-fcn, with: {epochs: 3, lstm_view: temporal, filters: [16, 32, 16]}}", temp["runs"], "dataset-znorm"));

        var run = PipelineFiles.Run(path);

        foreach (var row in File.ReadLines(Path.Combine(run.RunDirectory, "attention.csv")).Skip(1))
        {
            var alpha = row.Split(',').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(150, alpha.Length);
            Assert.InRange(alpha.Sum(), 0.999, 1.001);
            Assert.All(alpha, a => Assert.True(a >= 0));
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_result_and_another_seed_does_not()
    {
        using var temp = new TempFolder();
        RunResult Train(int seed)
        {
            var path = PipelineFiles.GunPoint(temp, $"seed{seed}-{Guid.NewGuid():N}", "{plugin: lstm-fcn, with: {epochs: 15}}", temp["runs"], "dataset-znorm");
            return PipelineFiles.Run(PipelineFiles.Resolve(path, null, $"seed={seed}"));
        }

        var first = Train(7);
        var second = Train(7);
        var other = Train(8);

        Assert.Equal(HistoryWithoutTimes(first), HistoryWithoutTimes(second));
        Assert.Equal(Probabilities(first), Probabilities(second));
        Assert.NotEqual(HistoryWithoutTimes(first), HistoryWithoutTimes(other));
    }

    [Fact]
    public void Two_processes_with_the_same_seed_shuffle_the_same_batches_and_train_the_same_network()
    {
        using var temp = new TempFolder();
        // Batch 16 of GunPoint's 50 series: four shuffled batches an epoch, so the order must not depend on the process.
        var path = PipelineFiles.GunPoint(temp, "processes", "{plugin: lstm-fcn, with: {epochs: 4, batch_size: 16, filters: [16, 32, 16]}}",
            temp["runs"], "dataset-znorm");
        string[] RunInItsOwnProcess()
        {
            var result = Cli.Run(temp.Path, "run", path, "--quiet");
            Assert.True(result.ExitCode == 0, result.ToString());
            var runDirectory = result.Stdout.Trim().Split('\n')[^1].Trim();
            return File.ReadLines(Path.Combine(runDirectory, "predictions.csv")).ToArray();
        }

        Assert.Equal(RunInItsOwnProcess(), RunInItsOwnProcess());
    }

    [Fact]
    public void A_resumed_run_ends_exactly_where_an_uninterrupted_run_ends()
    {
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPoint(temp, "resume", "{plugin: lstm-fcn, with: {epochs: 30, checkpoint_every: 10}}", temp["runs"], "dataset-znorm");
        var straight = PipelineFiles.Run(path);

        // Stop after 20 epochs (the checkpoint at epoch 20 is what a killed run leaves), then resume to 30.
        var interrupted = PipelineFiles.Run(PipelineFiles.Resolve(path, null, "model.with.epochs=20"));
        var resumedPipeline = PipelineFiles.Resolve(Path.Combine(interrupted.RunDirectory, "pipeline.resolved.yaml"), null, "model.with.epochs=30");
        var resumed = new PipelineRunner(Plugins.BuiltIn).Run(resumedPipeline,
            new RunOptions(SilentConsole.Instance, NoProgress.Instance), interrupted.RunDirectory);

        // It did continue (a run from scratch would end in the same place too: training is deterministic).
        Assert.Contains("Resuming round 0 at epoch 21", File.ReadAllText(Path.Combine(resumed.RunDirectory, "run.log")));
        Assert.Equal(HistoryWithoutTimes(straight), HistoryWithoutTimes(resumed));
        Assert.Equal(Probabilities(straight), Probabilities(resumed));
    }

    [Fact]
    public void Weight_averaging_resumed_inside_its_window_ends_exactly_where_an_uninterrupted_run_ends()
    {
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPoint(temp, "swa-resume",
            "{plugin: lstm-fcn, with: {epochs: 30, swa_epochs: 15, checkpoint_every: 10, filters: [16, 32, 16]}}", temp["runs"], "dataset-znorm");
        var straight = PipelineFiles.Run(path);

        // A run killed at epoch 20 has averaged epochs 16-20 (its window is the last 15 of 30): its checkpoint holds
        // those five, exactly what a 20-epoch run averaging its last 5 leaves; resuming it to 30 must add 21-30.
        var interrupted = PipelineFiles.Run(PipelineFiles.Resolve(path, null, "model.with.epochs=20", "model.with.swa_epochs=5"));
        var resumedPipeline = PipelineFiles.Resolve(Path.Combine(interrupted.RunDirectory, "pipeline.resolved.yaml"), null,
            "model.with.epochs=30", "model.with.swa_epochs=15");
        var resumed = new PipelineRunner(Plugins.BuiltIn).Run(resumedPipeline,
            new RunOptions(SilentConsole.Instance, NoProgress.Instance), interrupted.RunDirectory);

        var log = File.ReadAllText(Path.Combine(resumed.RunDirectory, "run.log"));
        Assert.Contains("Resuming round 0 at epoch 21", log);
        Assert.Contains("keeping the mean of the weights of epochs 16–30", log);
        Assert.Equal(Probabilities(straight), Probabilities(resumed));
        // The average is what the run keeps: the best single epoch predicts otherwise.
        var best = PipelineFiles.Run(PipelineFiles.Resolve(path, null, "model.with.swa_epochs=0"));
        Assert.NotEqual(Probabilities(straight), Probabilities(best));
    }

    [Fact]
    public void Weight_averaging_refuses_early_stopping_naming_the_step_before_anything_runs()
    {
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPoint(temp, "refused", "{plugin: lstm-fcn, with: {epochs: 30, swa_epochs: 10, early_stopping: 5}}",
            temp["runs"], "dataset-znorm");

        var error = Assert.Single(PipelineFiles.Errors(path));

        Assert.Contains("model (lstm-fcn): swa_epochs", error.Message);
        Assert.Contains("early_stopping", error.Message);
        Assert.True(error.Location.Line > 0, "the error names the line of swa_epochs");
        Assert.False(Directory.Exists(temp["runs"]), "no run directory before the pipeline is valid");
    }

    [Fact]
    public void Label_smoothing_keeps_the_training_loss_above_the_entropy_of_the_smoothed_targets()
    {
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPoint(temp, "smoothing",
            "{plugin: lstm-fcn, with: {epochs: 60, label_smoothing: 0.4, filters: [16, 32, 16]}}", temp["runs"], "dataset-znorm");

        var run = PipelineFiles.Run(path);

        // Two classes, ε 0.4: targets (0.8, 0.2), whose entropy bounds each sample's cross-entropy from below; the
        // class weights average to 1 over the training set. The same run without smoothing falls below it.
        double floor = -(0.8 * Math.Log(0.8) + 0.2 * Math.Log(0.2));
        double[] Losses(RunResult r) => File.ReadLines(Path.Combine(r.RunDirectory, "history.csv")).Skip(1)
            .Select(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToArray();
        var smoothed = Losses(run);
        Assert.All(smoothed, loss => Assert.True(loss >= floor - 1e-4, $"loss {loss} below {floor}"));
        Assert.True(smoothed.Min() - floor < (smoothed[0] - floor) / 2, $"smoothed training did not learn: losses {smoothed[0]} → {smoothed.Min()}");
        var plain = Losses(PipelineFiles.Run(PipelineFiles.Resolve(path, null, "model.with.label_smoothing=0")));
        Assert.True(plain.Min() < floor, $"without smoothing the loss stays at {plain.Min()}, above {floor}: the spec proves nothing");
    }

    [Fact]
    public void Resuming_with_a_different_network_fails_naming_the_checkpoint_and_the_layer()
    {
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPoint(temp, "resume-other", "{plugin: lstm-fcn, with: {epochs: 10, checkpoint_every: 5}}", temp["runs"], "dataset-znorm");
        var first = PipelineFiles.Run(path);
        var wider = PipelineFiles.Resolve(Path.Combine(first.RunDirectory, "pipeline.resolved.yaml"), null, "model.with.epochs=20", "model.with.cells=64");

        var error = Assert.ThrowsAny<Exception>(() => new PipelineRunner(Plugins.BuiltIn).Run(wider,
            new RunOptions(SilentConsole.Instance, NoProgress.Instance), first.RunDirectory));
        var message = error.ToString();
        Assert.Contains("checkpoint", message);
        Assert.Contains("different network", message);
        Assert.Contains("lstm", message);
    }

    [Fact]
    public void Training_leaks_no_tensors_however_many_epochs_it_runs()
    {
        using var temp = new TempFolder();
        long Live() => DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        void Train(int epochs) =>
            PipelineFiles.Run(PipelineFiles.GunPoint(temp, $"leak{epochs}", $"{{plugin: lstm-fcn, with: {{epochs: {epochs}, filters: [16, 32, 16]}}}}", temp["runs"], "dataset-znorm"));

        Train(5); // first use allocates libtorch's one-off state
        long before = Live();
        Train(10);
        long afterShort = Live();
        Train(210);
        long afterLong = Live();

        // 200 more epochs must not leave 200 more tensors (a per-batch leak would leave several per epoch).
        Assert.True(afterLong - afterShort <= Math.Max(0, afterShort - before) + 5,
            $"live tensors: {before} → {afterShort} after 10 epochs → {afterLong} after 210 epochs");
    }

    [Fact]
    public void The_modern_variant_with_squeeze_excitation_residuals_and_dense_head_learns()
    {
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPoint(temp, "gunpoint-modern",
            "{plugin: lstm-fcn, with: {epochs: 100, se: true, residual: true, head_units: 512}}", temp["runs"], "dataset-znorm");

        Assert.True(Accuracy(PipelineFiles.Run(path)) >= 0.85);
    }

    [Fact]
    public void Squeeze_excitation_lstm_fcn_classifies_multivariate_basic_motions()
    {
        using var temp = new TempFolder();
        var path = temp.Write("basicmotions.yaml", $"""
            name: basicmotions-mlstmfcn
            device: cpu
            loader:
              plugin: ucr
              with:
                train: {Repo.Dataset("uea", "BasicMotions", "TRAIN", "ts")}
                test: {Repo.Dataset("uea", "BasicMotions", "TEST", "ts")}
            preprocess: [dataset-znorm]
            model:
              plugin: lstm-fcn
              with: {"{epochs: 100, se: true}"}
            report:
              - plugin: metrics
                with: {"{print: false}"}
            output: {temp["runs"]}
            """);

        var run = PipelineFiles.Run(path);

        Assert.True(Accuracy(run) >= 0.85, $"accuracy {Accuracy(run)}"); // 6 channels × 100, 4 classes: chance is 0.25
    }

    [Fact]
    public void The_shipped_japanese_vowels_pipeline_pads_unequal_lengths_and_classifies_multivariate_series()
    {
        using var temp = new TempFolder();

        var run = PipelineFiles.Run(Path.Combine(Repo.Pipelines, "uea-japanesevowels-mlstm-fcn.yaml"), null,
            $"output={temp["runs"]}", "model.with.epochs=100", "device=cpu");

        // 12 channels, 7..26 steps in training and up to 29 in test, 9 speakers: chance is about 0.11.
        Assert.True(Accuracy(run) >= 0.95, $"accuracy {Accuracy(run)}");
    }

    [Fact]
    public void Cnn_lstm_learns_gunpoint_and_its_saved_model_predicts_exactly_what_it_predicted()
    {
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPoint(temp, "gunpoint-cnnlstm", "{plugin: cnn-lstm, with: {epochs: 60, cells: 32}}", temp["runs"], "dataset-znorm");

        var run = PipelineFiles.Run(path);

        Assert.True(Accuracy(run) >= 0.85, $"accuracy {Accuracy(run)}");
        var saved = Json(Path.Combine(run.RunDirectory, "model", "network.json")).GetProperty("Network");
        Assert.Equal("CnnLstm", saved.GetProperty("Architecture").GetString());
        var predict = PipelineFiles.GunPointPredict(temp, "gunpoint-cnnlstm-predict", Path.Combine(run.RunDirectory, "model"), temp["predict-runs"]);
        Assert.Equal(Probabilities(run), Probabilities(PipelineFiles.Run(predict)));
    }

    [Fact]
    public void Cnn_lstm_refuses_series_its_pooling_would_consume_naming_the_step()
    {
        // GunPoint's 150 points pooled by 8 after each of three blocks: 150 → 18 → 2 → 0 steps for the LSTM.
        var message = FailureOf("{plugin: cnn-lstm, with: {epochs: 1, filters: [8, 8, 8], kernels: [3, 3, 3], pool_size: 8}}");

        Assert.Contains("model (cnn-lstm): 150 time steps, divided by pool_size 8 after each of 3 conv blocks, leave no step for the LSTM", message);
    }

    [Fact]
    public void Fine_tuning_rounds_halve_the_learning_rate_each_round()
    {
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPoint(temp, "finetune",
            "{plugin: lstm-fcn, with: {epochs: 4, finetune_rounds: 2, finetune_epochs: 3, filters: [16, 32, 16]}}", temp["runs"], "dataset-znorm");

        var run = PipelineFiles.Run(path);

        var rows = File.ReadLines(Path.Combine(run.RunDirectory, "history.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(4 + 3 + 3, rows.Count);
        double RateOfRound(int round) => double.Parse(rows.First(r => r[1] == round.ToString(CultureInfo.InvariantCulture))[6], CultureInfo.InvariantCulture);
        Assert.Equal(1e-3, RateOfRound(0), 10);
        Assert.Equal(5e-4, RateOfRound(1), 10);
        Assert.Equal(2.5e-4, RateOfRound(2), 10);
    }

    [Fact]
    public void Cells_are_chosen_on_a_split_of_the_training_set()
    {
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPoint(temp, "cells",
            "{plugin: lstm-fcn, with: {epochs: 5, cells_candidates: [8, 16], filters: [16, 32, 16]}}", temp["runs"], "dataset-znorm");

        var run = PipelineFiles.Run(path);

        var log = File.ReadAllText(Path.Combine(run.RunDirectory, "run.log"));
        Assert.Contains("cell selection: 8 cells", log);
        Assert.Contains("cell selection: 16 cells", log);
        Assert.Contains("held-out training series", log);
        var chosen = Json(Path.Combine(run.RunDirectory, "model", "network.json")).GetProperty("HyperParameters").GetProperty("cells").GetInt64();
        Assert.Contains(chosen, new long[] { 8, 16 });
    }

    [Fact]
    public void Asking_for_cuda_where_there_is_none_fails_with_a_clear_message()
    {
        if (torch.cuda.is_available()) return; // a GPU machine can honour the request
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPoint(temp, "cuda", "{plugin: lstm-fcn, with: {epochs: 1}}", temp["runs"], "dataset-znorm");

        var e = Assert.Throws<RunFailedException>(() => PipelineFiles.Run(PipelineFiles.Resolve(path, null, "device=cuda")));

        Assert.Contains("CUDA is not available", e.Message);
        Assert.Equal("failed", Json(Path.Combine(e.RunDirectory, "run.json")).GetProperty("status").GetString());
    }
}
