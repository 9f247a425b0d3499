using System.Diagnostics;
using System.Text.Json;
using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Engine.Plugins;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Pipeline.Engine.Running;

public sealed record RunOptions(IConsoleSink Console, IProgressSink Progress, CancellationToken Cancellation = default);

public sealed record RunResult(string RunDirectory, TimeSeriesDataset Test, ProbabilityMatrix? Probabilities);

/// <summary>A run that started (it has a run directory) and then failed.</summary>
public sealed class RunFailedException : Exception
{
    public RunFailedException(string runDirectory, Exception inner)
        : base($"{inner.Message} (run directory: {runDirectory})", inner) => RunDirectory = runDirectory;
    public string RunDirectory { get; }
}

/// <summary>
/// Runs a resolved pipeline: load → fit preprocessing on train → fit (or load) the model → save it → predict test →
/// write predictions → reporters; or, with <c>evaluate: {kfold: K}</c>, the same per fold (cross-validation).
/// Everything lands in one run directory.
/// </summary>
public sealed class PipelineRunner
{
    readonly PluginCatalog _catalog;

    public PipelineRunner(PluginCatalog catalog) => _catalog = catalog;

    /// <summary>
    /// Runs the pipeline in a new run directory, or — with <paramref name="resumeDirectory"/> — again in an earlier
    /// run's directory, where plugins find what they left (e.g. training checkpoints) and continue from it.
    /// </summary>
    public RunResult Run(ResolvedPipeline pipeline, RunOptions options, string? resumeDirectory = null)
    {
        var def = pipeline.Definition;
        var started = DateTime.UtcNow;
        var dir = resumeDirectory is null ? RunDirectory.Create(def.Output, def.Name, DateTime.Now) : RunDirectory.Open(resumeDirectory);
        using var log = new RunLog(dir.PathOf("run.log"), options.Console);
        var context = new RunContext(def.Seed, def.Device, dir.Path, log, options.Progress, dir, options.Cancellation)
        {
            Threads = def.Threads
        };
        dir.WriteText("pipeline.resolved.yaml", ResolvedPipelineWriter.ToYaml(pipeline));
        // What the run is about, for reporters and tools that compare runs (lstmfcn compare); the dataset is known
        // once the loader has run.
        var identity = new Dictionary<string, object?>
        {
            ["dataset"] = null,
            ["model"] = pipeline.ModelName,
        };
        WriteStatus(dir, def, "running", started, null, null, identity);
        log.Info(resumeDirectory is null ? $"Run directory: {dir.Path}" : $"Resuming in {dir.Path}");

        try
        {
            var result = Execute(pipeline, context, dir, log, options.Cancellation, identity, out var timings);
            WriteStatus(dir, def, "succeeded", started, null, timings, identity);
            log.Info($"Finished in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
            return result;
        }
        catch (Exception e)
        {
            var reason = e is OperationCanceledException ? "cancelled" : "failed";
            log.Warn($"Run {reason}: {e.Message}");
            log.Debug(e.ToString());
            WriteStatus(dir, def, reason, started, e.Message, null, identity);
            throw new RunFailedException(dir.Path, e);
        }
    }

    RunResult Execute(ResolvedPipeline pipeline, RunContext context, RunDirectory dir, RunLog log,
        CancellationToken cancel, Dictionary<string, object?> identity, out Dictionary<string, double> timings)
    {
        timings = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();

        var split = pipeline.Loader.Plugin.Load(pipeline.Loader.Arguments, context);
        timings["load_s"] = Lap(clock);
        identity["dataset"] = DatasetName(split.Train, pipeline.Definition.Name);
        log.Info($"Loaded {split.Train.Count} training and {split.Test.Count} test series: {split.Train.Classes.Count} classes, " +
                 $"{split.Train.Channels} channel(s), length {LengthText(split.Train)}");
        cancel.ThrowIfCancellationRequested();

        if (pipeline.Definition.Evaluation is { } cv)
            return CrossValidate(pipeline, cv, split, context, dir, log, cancel, clock, timings);

        var train = split.Train;
        var test = split.Test;
        List<FittedStep> fitted;
        ITrainedModel model;

        if (pipeline.ModelFrom is null)
        {
            (fitted, model) = FitPipeline(pipeline, train, context, log, clock, timings);
            train = FittedStep.Apply(fitted, train);
        }
        else
        {
            var from = pipeline.ModelFrom;
            var saved = SavedPipeline.Read(from, _catalog, context);
            (fitted, model) = (saved.Steps, saved.Model);
            train = FittedStep.Apply(fitted, train);
            log.Info($"Loaded saved {saved.Manifest.ModelPlugin} model from {from}");
            timings["load_model_s"] = Lap(clock);
        }

        using (model)
        {
            string? savedAt = pipeline.ModelFrom;
            if (savedAt is null)
            {
                savedAt = SaveModel(dir, pipeline, fitted, model);
                if (model.History.Epochs.Count > 0) HistoryWriter.Write(dir, "history.csv", model.History);
            }
            var predictor = new TrainedPipeline(fitted.Select(f => f.Transform).ToList(), model, savedAt);

            test = FittedStep.Apply(fitted, test);
            ProbabilityMatrix probabilities;
            if (test.Count == 0)
            {
                // Nothing to score, but reporters may still have work (e.g. classifying a raster cube with the model).
                log.Warn("The test set is empty: nothing to predict or score.");
                probabilities = new ProbabilityMatrix(Array.Empty<float>(), 0, model.Classes);
                timings["predict_s"] = 0;
            }
            else
            {
                probabilities = model.PredictProbabilities(test, context);
                if (WindowVote.HasWindows(test))
                {
                    int windows = test.Count;
                    (test, probabilities) = WindowVote.Combine(test, probabilities);
                    log.Info($"Averaged the predictions of {windows} windows into {test.Count} series");
                }
                timings["predict_s"] = Lap(clock);
                PredictionWriter.WriteCsv(dir, "predictions.csv", test, probabilities);
                PredictionWriter.WriteParquet(dir, "predictions.parquet", test, probabilities);
            }

            var outcome = new RunOutcome(pipeline.Definition.Name, train, test, probabilities, model,
                TimeSpan.FromSeconds(timings.GetValueOrDefault("fit_s")), TimeSpan.FromSeconds(timings["predict_s"]))
            {
                Pipeline = predictor
            };
            Report(pipeline, outcome, context, cancel);
            timings["report_s"] = Lap(clock);
            return new RunResult(dir.Path, test, test.Count == 0 ? null : probabilities);
        }
    }

    /// <summary>
    /// K-fold cross-validation over the loader's train and test sets pooled: every sample is predicted by a pipeline
    /// (preprocessing and model) fitted without it. Reporters see the pooled samples with their out-of-fold
    /// probabilities; with final_fit, a pipeline fitted on everything is saved and handed to them too.
    /// </summary>
    RunResult CrossValidate(ResolvedPipeline pipeline, EvaluationDefinition cv, DatasetSplit split, RunContext context,
        RunDirectory dir, RunLog log, CancellationToken cancel, Stopwatch clock, Dictionary<string, double> timings)
    {
        var all = split.Test.Count == 0 ? split.Train
            : split.Train.WithSamples(split.Train.Samples.Concat(split.Test.Samples).ToList());
        var labels = all.Labels();
        if (Array.IndexOf(labels, TimeSeriesSample.Unlabelled) is var u and >= 0)
            throw new InvalidOperationException($"cross-validation needs labelled samples; '{all.Samples[u].Id}' has no label");
        var folds = StratifiedFolds.Assign(labels, cv.KFold, context.Seed);
        int k = all.Classes.Count;
        var oof = new float[all.Count * k];
        // An ensemble's members are scored on the same folds too, to show what combining them adds.
        var memberOof = pipeline.Ensemble?.Members.Select(_ => new float[all.Count * k]).ToArray();
        var foldRows = new List<Dictionary<string, object>>();
        log.Info($"{cv.KFold}-fold stratified cross-validation over {all.Count} series");

        for (int f = 0; f < cv.KFold; f++)
        {
            var trainIdx = new List<int>();
            var heldIdx = new List<int>();
            for (int i = 0; i < folds.Length; i++) (folds[i] == f ? heldIdx : trainIdx).Add(i);
            var foldTrain = all.WithSamples(trainIdx.Select(i => all.Samples[i]).ToList());
            var foldHeld = all.WithSamples(heldIdx.Select(i => all.Samples[i]).ToList());
            var foldDir = RunDirectory.Open(dir.PathOf(Path.Combine("folds", $"fold-{f + 1}")));
            Directory.CreateDirectory(foldDir.Path);
            var foldContext = new RunContext(context.Seed + f + 1, context.Device, foldDir.Path, context.Log, context.Progress, foldDir, cancel)
            {
                Threads = context.Threads
            };
            log.Info($"Fold {f + 1}/{cv.KFold}: fitting on {foldTrain.Count}, predicting {foldHeld.Count}");
            var (fitted, model) = FitPipeline(pipeline, foldTrain, foldContext, log, clock, timings, $"fold_{f + 1}_");
            using (model)
            {
                var held = FittedStep.Apply(fitted, foldHeld);
                var where = $"fold {f + 1}: ";
                // An ensemble predicts each member once: their rows are scored alone too, their weighted mean is its own.
                var each = (model as EnsembleModel)?.PredictEach(held, foldContext);
                var probabilities = WindowVote.PerSeries(held,
                    each is null ? model.PredictProbabilities(held, foldContext) : ((EnsembleModel)model).Combine(each), heldIdx.Count, where);
                for (int m = 0; m < (each?.Count ?? 0); m++)
                    Scatter(WindowVote.PerSeries(held, each![m], heldIdx.Count, where), heldIdx, memberOof![m]);
                if (held.Count != foldHeld.Count) log.Info($"Fold {f + 1}/{cv.KFold}: averaged {held.Count} windows into {probabilities.Rows} series");
                Scatter(probabilities, heldIdx, oof);
                double accuracy = Accuracy(probabilities, foldHeld);
                foldRows.Add(new() { ["fold"] = f + 1, ["train"] = foldTrain.Count, ["held_out"] = heldIdx.Count, ["accuracy"] = Math.Round(accuracy, 6) });
                log.Info($"Fold {f + 1}/{cv.KFold}: accuracy {accuracy:F4}");
                if (model.History.Epochs.Count > 0) HistoryWriter.Write(foldDir, "history.csv", model.History);
            }
            cancel.ThrowIfCancellationRequested();
        }
        timings["cv_s"] = Lap(clock);

        var outOfFold = new ProbabilityMatrix(oof, all.Count, all.Classes);
        PredictionWriter.WriteCsv(dir, "predictions.csv", all, outOfFold);
        PredictionWriter.WriteParquet(dir, "predictions.parquet", all, outOfFold);
        var memberRows = new List<Dictionary<string, object>>();
        for (int m = 0; m < (memberOof?.Length ?? 0); m++)
        {
            var name = EnsembleModel.FolderOf(m, pipeline.Ensemble!.Members[m].Model.Plugin.Name);
            var member = new ProbabilityMatrix(memberOof![m], all.Count, all.Classes);
            PredictionWriter.WriteCsv(dir, Path.Combine(EnsembleModel.MembersFolder, name, "predictions.csv"), all, member);
            double memberAccuracy = Accuracy(member, all);
            memberRows.Add(new() { ["model"] = name, ["accuracy"] = Math.Round(memberAccuracy, 6) });
            log.Info($"Ensemble model {name} alone: out-of-fold accuracy {memberAccuracy:F4} ({EnsembleModel.MembersFolder}/{name}/predictions.csv)");
        }
        var accuracies = foldRows.Select(r => (double)r["accuracy"]).ToArray();
        double mean = accuracies.Average();
        double sd = Math.Sqrt(accuracies.Sum(a => (a - mean) * (a - mean)) / Math.Max(1, accuracies.Length - 1));
        dir.WriteText("cross-validation.json", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["kfold"] = cv.KFold,
            ["seed"] = context.Seed,
            ["samples"] = all.Count,
            ["fold_accuracy_mean"] = Math.Round(mean, 6),
            ["fold_accuracy_sd"] = Math.Round(sd, 6),
            ["folds"] = foldRows,
            ["ensemble_members"] = memberRows,
            ["assignment"] = all.Samples.Select((s, i) => new Dictionary<string, object> { ["id"] = s.Id, ["fold"] = folds[i] + 1 }).ToList(),
        }, new JsonSerializerOptions { WriteIndented = true }));
        log.Info($"Cross-validation: fold accuracy {mean:F4} ± {sd:F4}");

        List<FittedStep>? finalSteps = null;
        ITrainedModel? finalModel = null;
        if (cv.FinalFit)
        {
            (finalSteps, finalModel) = FitPipeline(pipeline, all, context, log, clock, timings);
        }
        using (finalModel)
        {
            TrainedPipeline? predictor = null;
            if (finalModel is not null)
            {
                var savedAt = SaveModel(dir, pipeline, finalSteps!, finalModel);
                if (finalModel.History.Epochs.Count > 0) HistoryWriter.Write(dir, "history.csv", finalModel.History);
                predictor = new TrainedPipeline(finalSteps!.Select(s => s.Transform).ToList(), finalModel, savedAt);
            }
            var outcome = new RunOutcome(pipeline.Definition.Name, all, all, outOfFold, finalModel ?? NoModel.Instance(all.Classes),
                TimeSpan.FromSeconds(timings.GetValueOrDefault("cv_s")), TimeSpan.Zero)
            {
                Pipeline = predictor,
                Evaluation = $"{cv.KFold}-fold cv",
            };
            Report(pipeline, outcome, context, cancel);
            timings["report_s"] = Lap(clock);
            return new RunResult(dir.Path, all, outOfFold);
        }
    }

    (List<FittedStep> Steps, ITrainedModel Model) FitPipeline(ResolvedPipeline pipeline, TimeSeriesDataset train, RunContext context, RunLog log, Stopwatch clock,
        Dictionary<string, double> timings, string timingPrefix = "")
    {
        (var fitted, train) = FittedStep.FitAll(pipeline.Preprocess, train, context,
            (step, data) => log.Info($"Preprocessed with {step.Plugin.Name}: {data.Count} series, length {LengthText(data)}"));
        timings[timingPrefix + "preprocess_s"] = Lap(clock);
        ITrainedModel model = pipeline.Ensemble is { } ensemble
            ? EnsembleModel.Fit(ensemble, train, context, log)
            : pipeline.Model!.Plugin.Fit(train, pipeline.Model.Arguments, context);
        timings[timingPrefix + "fit_s"] = Lap(clock);
        return (fitted, model);
    }

    static void Report(ResolvedPipeline pipeline, RunOutcome outcome, RunContext context, CancellationToken cancel)
    {
        foreach (var reporter in pipeline.Report)
        {
            reporter.Plugin.Report(outcome, reporter.Arguments, context);
            cancel.ThrowIfCancellationRequested();
        }
    }

    static string SaveModel(RunDirectory dir, ResolvedPipeline pipeline, List<FittedStep> preprocessing, ITrainedModel model)
    {
        // Save into a temporary folder and rename it: a model folder that exists is complete.
        var final = dir.PathOf("model");
        var temp = final + ".partial";
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);
        if (model is EnsembleModel ensemble)
            SavedPipeline.Write(temp, EnsembleModel.ManifestName, ensemble.ManifestArguments(), preprocessing, model, ensemble.MemberFolders());
        else
            SavedPipeline.Write(temp, pipeline.Model!.Plugin.Name, pipeline.Model.Arguments.Values, preprocessing, model);
        if (Directory.Exists(final)) Directory.Delete(final, recursive: true); // a resumed run replaces its earlier model
        Directory.Move(temp, final);
        return final;
    }

    /// <summary>
    /// The loader's dataset name (<see cref="DatasetMetadata.Name"/>), else the file or folder name of its source,
    /// else the pipeline's name.
    /// </summary>
    internal static string DatasetName(TimeSeriesDataset train, string pipelineName)
    {
        if (train.Metadata.TryGetValue(DatasetMetadata.Name, out var name) && !string.IsNullOrWhiteSpace(name)) return name;
        if (train.Metadata.TryGetValue(DatasetMetadata.Source, out var source) && !string.IsNullOrWhiteSpace(source))
            return Path.GetFileNameWithoutExtension(source.TrimEnd('/', Path.DirectorySeparatorChar));
        return pipelineName;
    }

    static void WriteStatus(RunDirectory dir, PipelineDefinition def, string status, DateTime started, string? error,
        Dictionary<string, double>? timings, Dictionary<string, object?>? identity = null)
    {
        var doc = new Dictionary<string, object?>
        {
            ["pipeline"] = def.Name,
            ["dataset"] = identity?.GetValueOrDefault("dataset"),
            ["model"] = identity?.GetValueOrDefault("model"),
            ["status"] = status,
            ["started_utc"] = started,
            ["finished_utc"] = status == "running" ? null : DateTime.UtcNow,
            ["seed"] = def.Seed,
            ["device"] = def.Device.ToString().ToLowerInvariant(),
            ["error"] = error,
            ["timings"] = timings,
            ["peak_working_set_mb"] = Math.Round(System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1),
            ["machine"] = new Dictionary<string, object>
            {
                ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
                ["cores"] = Environment.ProcessorCount,
                ["dotnet"] = Environment.Version.ToString(),
            },
        };
        dir.WriteText("run.json", JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Row r of <paramref name="rows"/> becomes row at[r] of the row-major <paramref name="target"/>.</summary>
    static void Scatter(ProbabilityMatrix rows, List<int> at, float[] target)
    {
        int k = rows.Classes.Count;
        for (int r = 0; r < at.Count; r++) rows.Row(r).CopyTo(target.AsSpan(at[r] * k, k));
    }

    static double Accuracy(ProbabilityMatrix probabilities, TimeSeriesDataset data)
    {
        var predicted = probabilities.ArgMax();
        int correct = 0;
        for (int i = 0; i < predicted.Length; i++) if (predicted[i] == data.Samples[i].Label) correct++;
        return correct / (double)predicted.Length;
    }

    static double Lap(Stopwatch clock)
    {
        var s = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return Math.Round(s, 3);
    }

    static string LengthText(TimeSeriesDataset d) => d.IsEqualLength ? d.MaxLength.ToString() : $"{d.MinLength}..{d.MaxLength}";
}
