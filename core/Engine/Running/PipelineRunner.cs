using System.Diagnostics;
using System.Text.Json;
using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Engine.Plugins;

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
/// Runs a resolved pipeline: load → fit preprocessing on train → transform train and test → fit (or load) the model →
/// save it → predict test → write predictions → reporters. Everything lands in one run directory.
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
        WriteStatus(dir, def, "running", started, null, null);
        log.Info(resumeDirectory is null ? $"Run directory: {dir.Path}" : $"Resuming in {dir.Path}");

        try
        {
            var result = Execute(pipeline, context, dir, log, options.Cancellation, out var timings);
            WriteStatus(dir, def, "succeeded", started, null, timings);
            log.Info($"Finished in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
            return result;
        }
        catch (Exception e)
        {
            var reason = e is OperationCanceledException ? "cancelled" : "failed";
            log.Warn($"Run {reason}: {e.Message}");
            log.Debug(e.ToString());
            WriteStatus(dir, def, reason, started, e.Message, null);
            throw new RunFailedException(dir.Path, e);
        }
    }

    RunResult Execute(ResolvedPipeline pipeline, RunContext context, RunDirectory dir, RunLog log,
        CancellationToken cancel, out Dictionary<string, double> timings)
    {
        timings = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();

        var split = pipeline.Loader.Plugin.Load(pipeline.Loader.Arguments, context);
        timings["load_s"] = Lap(clock);
        log.Info($"Loaded {split.Train.Count} training and {split.Test.Count} test series: {split.Train.Classes.Count} classes, " +
                 $"{split.Train.Channels} channel(s), length {LengthText(split.Train)}");
        cancel.ThrowIfCancellationRequested();

        var train = split.Train;
        var test = split.Test;
        var fitted = new List<(ResolvedStep<IPreprocessorPlugin>? step, IPreprocessorPlugin plugin, PluginArguments args, IFittedPreprocessor transform)>();
        ITrainedModel model;
        SavedModelManifest? loadedManifest = null;

        if (pipeline.Model is { } modelStep)
        {
            foreach (var step in pipeline.Preprocess)
            {
                var transform = step.Plugin.Fit(train, step.Arguments, context);
                train = transform.Transform(train);
                test = transform.Transform(test);
                fitted.Add((step, step.Plugin, step.Arguments, transform));
                log.Info($"Preprocessed with {step.Plugin.Name}: length {LengthText(train)}");
                cancel.ThrowIfCancellationRequested();
            }
            timings["preprocess_s"] = Lap(clock);
            model = modelStep.Plugin.Fit(train, modelStep.Arguments, context);
            timings["fit_s"] = Lap(clock);
        }
        else
        {
            var from = pipeline.Definition.ModelFrom!;
            loadedManifest = SavedModelManifest.Read(from);
            foreach (var saved in loadedManifest.Preprocessors)
            {
                var plugin = (IPreprocessorPlugin)_catalog.Get(saved.Plugin).Plugin;
                var args = SavedArguments.Restore($"saved preprocessing ({plugin.Name})", plugin, saved.Arguments);
                var transform = plugin.Restore(saved.State, args);
                train = transform.Transform(train);
                test = transform.Transform(test);
            }
            var modelPlugin = (IModelPlugin)_catalog.Get(loadedManifest.ModelPlugin).Plugin;
            model = modelPlugin.Load(from, context);
            log.Info($"Loaded saved {modelPlugin.Name} model from {from}");
            timings["load_model_s"] = Lap(clock);
        }

        using (model)
        {
            if (pipeline.Model is { } trained)
            {
                SaveModel(dir, trained, fitted.Select(f => (f.plugin, f.args, f.transform)).ToList(), model);
                if (model.History.Epochs.Count > 0) HistoryWriter.Write(dir, "history.csv", model.History);
            }

            if (test.Count == 0)
            {
                log.Warn("The test set is empty: nothing to predict or score.");
                return new RunResult(dir.Path, test, null);
            }
            var probabilities = model.PredictProbabilities(test, context);
            timings["predict_s"] = Lap(clock);
            PredictionWriter.WriteCsv(dir, "predictions.csv", test, probabilities);
            PredictionWriter.WriteParquet(dir, "predictions.parquet", test, probabilities);

            var outcome = new RunOutcome(pipeline.Definition.Name, train, test, probabilities, model,
                TimeSpan.FromSeconds(timings.GetValueOrDefault("fit_s")), TimeSpan.FromSeconds(timings["predict_s"]));
            foreach (var reporter in pipeline.Report)
            {
                reporter.Plugin.Report(outcome, reporter.Arguments, context);
                cancel.ThrowIfCancellationRequested();
            }
            timings["report_s"] = Lap(clock);
            return new RunResult(dir.Path, test, probabilities);
        }
    }

    static void SaveModel(RunDirectory dir, ResolvedStep<IModelPlugin> modelStep,
        List<(IPreprocessorPlugin plugin, PluginArguments args, IFittedPreprocessor transform)> preprocessing, ITrainedModel model)
    {
        // Save into a temporary folder and rename it: a model folder that exists is complete.
        var final = dir.PathOf("model");
        var temp = final + ".partial";
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);
        model.Save(temp);
        var manifest = new SavedModelManifest(
            modelStep.Plugin.Name,
            modelStep.Arguments.Values.ToDictionary(kv => kv.Key, kv => kv.Value),
            preprocessing.Select(p => new SavedPreprocessor(p.plugin.Name,
                p.args.Values.ToDictionary(kv => kv.Key, kv => kv.Value),
                p.transform.State.ToDictionary(kv => kv.Key, kv => kv.Value))).ToList(),
            model.Classes.Names.ToList(),
            $"LstmFcn.Pipeline {typeof(PipelineRunner).Assembly.GetName().Version}",
            DateTime.UtcNow);
        AtomicFile.WriteText(Path.Combine(temp, SavedModelManifest.FileName), manifest.ToJson());
        if (Directory.Exists(final)) Directory.Delete(final, recursive: true); // a resumed run replaces its earlier model
        Directory.Move(temp, final);
    }

    static void WriteStatus(RunDirectory dir, PipelineDefinition def, string status, DateTime started, string? error,
        Dictionary<string, double>? timings)
    {
        var doc = new Dictionary<string, object?>
        {
            ["pipeline"] = def.Name,
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

    static double Lap(Stopwatch clock)
    {
        var s = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return Math.Round(s, 3);
    }

    static string LengthText(TimeSeriesDataset d) => d.IsEqualLength ? d.MaxLength.ToString() : $"{d.MinLength}..{d.MaxLength}";
}
