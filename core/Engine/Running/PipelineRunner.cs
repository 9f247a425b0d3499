using System.Text.Json;
using LstmFcn.Pipeline.Engine.Evaluation;
using LstmFcn.Pipeline.Engine.Models;
using LstmFcn.Pipeline.Engine.Outputs;
using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Engine.Plugins;

namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>
/// Runs a resolved pipeline in one run directory: load → the evaluation strategy (hold-out or k-fold, fitting or
/// loading pipelines, keeping the one the run saves) → the shared tail (predictions, scores.json, history) →
/// reporters.
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
        MapInputCheck.Require(pipeline, _catalog, options);
        var dir = resumeDirectory is null ? RunDirectory.Create(def.Output, def.Name, DateTime.Now) : RunDirectory.Resume(resumeDirectory);
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
        var timings = new StageTimings();
        RunStatus.Write(dir, def, "running", started, null, null, identity);
        log.Info(resumeDirectory is null ? $"Run directory: {dir.Path}" : $"Resuming in {dir.Path}");

        try
        {
            var result = Execute(pipeline, context, dir, log, identity, timings);
            RunStatus.Write(dir, def, "succeeded", started, null, timings.Seconds, identity);
            log.Info($"Finished in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
            return result;
        }
        catch (Exception e)
        {
            var reason = e is OperationCanceledException ? "cancelled" : "failed";
            log.Warn($"Run {reason}: {e.Message}");
            log.Debug(e.ToString());
            // On a full disk run.json may not be writable either: the run's own error is the one to report.
            try { RunStatus.Write(dir, def, reason, started, e.Message, timings.Seconds, identity); }
            catch (RunDirectoryException status) { log.Warn($"run.json still says \"running\": {status.Message}"); }
            throw new RunFailedException(dir.Path, e);
        }
    }

    RunResult Execute(ResolvedPipeline pipeline, RunContext context, RunDirectory dir, RunLog log,
        Dictionary<string, object?> identity, StageTimings timings)
    {
        var def = pipeline.Definition;
        if (pipeline.Loader is null) return MapOnly(pipeline, context, dir, log, timings);
        var split = pipeline.Loader.Plugin.Load(pipeline.Loader.Arguments, context);
        timings.Lap("load_s");
        identity["dataset"] = DatasetName(split.Train, def.Name);
        log.Info($"Loaded {split.Train.Count} training and {split.Test.Count} test series: {split.Train.Classes.Count} classes, " +
                 $"{split.Train.Channels} channel(s), length {DatasetText.Lengths(split.Train)}");
        context.Cancellation.ThrowIfCancellationRequested();

        IEvaluationStrategy strategy = def.Evaluation is { } cv ? new CrossValidation(cv.KFold, cv.FinalFit) : new Holdout();
        IPipelineSource source = pipeline.ModelFrom is { } from ? new SavedModelSource(from, _catalog) : new TrainingSource(ModelRecipe.Of(pipeline));
        var input = new EvaluationInput(split, source, context, log, timings, kept =>
        {
            // A trained pipeline is saved as soon as it exists, before it predicts anything: a crash later keeps it.
            if (!source.Trains) return;
            kept.Save(dir.PathOf("model"));
            if (kept.Model.History.Epochs.Count > 0) HistoryWriter.Write(dir, "history.csv", kept.Model.History);
        });
        var result = strategy.Evaluate(input);
        using (result.Kept)
        {
            RunOutputs.Write(dir, def.Name, strategy.Name, result);
            if (pipeline.Map.Count > 0) MapStage.Run(pipeline.Map, result.Kept!, pipeline.Definition.Name, dir, context, timings);
            var outcome = new RunOutcome(def.Name, result.Train, result.Scored, result.Probabilities,
                result.Kept?.Model ?? NoModel.Instance(result.Scored.Classes), result.FitTime, result.PredictTime)
            {
                Pipeline = result.Kept,
                Evaluation = strategy.Name,
            };
            foreach (var reporter in pipeline.Report)
            {
                reporter.Plugin.Report(outcome, reporter.Arguments, context);
                context.Cancellation.ThrowIfCancellationRequested();
            }
            timings.Lap("report_s");
            return new RunResult(dir.Path, result.Scored, result.Scored.Count == 0 ? null : result.Probabilities);
        }
    }

    /// <summary>
    /// A saved model that only maps (no loader, so nothing to evaluate): the map stage, then the reporters, which see
    /// no scored series.
    /// </summary>
    RunResult MapOnly(ResolvedPipeline pipeline, RunContext context, RunDirectory dir, RunLog log, StageTimings timings)
    {
        using var kept = new SavedModelSource(pipeline.ModelFrom!, _catalog).Obtain(new TimeSeriesDataset([], new ClassLabels([])), context, log);
        timings.Lap("load_model_s");
        MapStage.Run(pipeline.Map, kept, pipeline.Definition.Name, dir, context, timings);
        var none = new TimeSeriesDataset([], kept.Classes);
        var outcome = new RunOutcome(pipeline.Definition.Name, none, none, new ProbabilityMatrix([], 0, kept.Classes), kept.Model, TimeSpan.Zero, TimeSpan.Zero)
        {
            Pipeline = kept,
            Evaluation = "none (map only)",
        };
        foreach (var reporter in pipeline.Report)
        {
            reporter.Plugin.Report(outcome, reporter.Arguments, context);
            context.Cancellation.ThrowIfCancellationRequested();
        }
        timings.Lap("report_s");
        return new RunResult(dir.Path, none, null);
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
}
