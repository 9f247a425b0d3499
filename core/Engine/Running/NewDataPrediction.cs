using System.Text.Json;
using LstmFcn.Pipeline.Engine.Evaluation;
using LstmFcn.Pipeline.Engine.Models;
using LstmFcn.Pipeline.Engine.Outputs;
using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Engine.Plugins;
using YamlDotNet.RepresentationModel;

namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>
/// Applies a saved pipeline to new data (<c>lstmfcn predict</c>): reads every source with the loader the model was
/// trained with (or one the user names), checks each against the shape the model was trained on — before anything is
/// written — and writes one row per series (id, predicted class, probabilities, the label when known), scores when
/// labels are known, and predict.json. Labels the model never learned are reported as such, never mapped by position.
/// </summary>
public sealed class NewDataPrediction(PluginCatalog catalog)
{
    /// <summary>The folder a model argument names: a model folder, or a run directory holding one.</summary>
    public static string ModelFolderOf(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(Path.Combine(full, SavedModelLayout.ManifestFile))) return full;
        var inRun = Path.Combine(full, "model");
        if (File.Exists(Path.Combine(inRun, SavedModelLayout.ManifestFile))) return inRun;
        throw new PipelineException(new SourceLocation(path, 0, 0),
            $"not a saved model: no {SavedModelLayout.ManifestFile} in it, nor in its model/ folder (give a run directory or its model/ folder)");
    }

    public string Run(PredictionRequest request, RunOptions options)
    {
        var modelFolder = ModelFolderOf(request.Model);
        var output = Path.GetFullPath(request.Output ?? Path.Combine("runs", $"predict-{Path.GetFileName(Path.GetDirectoryName(modelFolder + "/"))}-{DateTime.Now:yyyyMMdd-HHmmss}"));
        using var log = new RunLog(null, options.Console);
        // The context's folder is where results go; nothing is written there until every input has been checked.
        var directory = RunDirectory.Open(output);
        var context = new RunContext(0, request.Device, directory.Path, log, options.Progress, directory, options.Cancellation)
        {
            Threads = request.Threads,
        };
        using var pipeline = FittedPipeline.Load(modelFolder, catalog, context);
        var (loader, arguments) = ResolveLoader(pipeline, request, modelFolder);
        var reader = loader as IReadsNewData
                     ?? throw new PipelineException(new SourceLocation("--loader", 0, 0), $"loader '{loader.Name}' cannot read new data for predict; name one that can with --loader");

        var parts = new List<(string Source, TimeSeriesDataset Data)>();
        var checks = new List<Dictionary<string, object?>>();
        foreach (var source in request.Sources)
        {
            var data = reader.ReadNew(Path.GetFullPath(source), arguments, context);
            checks.Add(InputCheck.Require(source, data, pipeline));
            parts.Add((source, LabelAlignment.ToClasses(data, pipeline.Classes, log)));
        }
        var all = Combine(parts, pipeline.Classes);

        Directory.CreateDirectory(output);
        log.Info($"Predicting {all.Count} series from {parts.Count} source(s) with {modelFolder}");
        var prediction = pipeline.Predict(all, context);
        if (request.Csv) PredictionWriter.WriteCsv(directory, "predictions.csv", prediction.Series, prediction.Probabilities);
        if (request.Parquet) PredictionWriter.WriteParquet(directory, "predictions.parquet", prediction.Series, prediction.Probabilities);
        ScoresFile.Write(directory, "predict", "new data", prediction.Series, prediction.Probabilities, new Dictionary<string, ProbabilityMatrix>(),
            TimeSpan.Zero, TimeSpan.Zero, null);
        if (File.Exists(directory.PathOf(ScoresFile.Name)))
        {
            File.Copy(directory.PathOf(ScoresFile.Name), directory.PathOf("metrics.json"), overwrite: true);
            log.Info($"Scored {prediction.Series.Samples.Count(s => s.Label >= 0)} labelled series: {directory.PathOf("metrics.json")}");
        }
        directory.WriteText("predict.json", JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["model"] = modelFolder,
            ["fingerprint"] = pipeline.Fingerprint,
            ["model_plugin"] = pipeline.Identity.Plugin,
            ["classes"] = pipeline.Classes.Names,
            ["loader"] = new Dictionary<string, object?> { ["plugin"] = loader.Name, ["with"] = arguments.Values },
            ["sources"] = checks,
            ["series"] = prediction.Series.Count,
            ["labelled"] = prediction.Series.Samples.Count(s => s.Label >= 0),
            ["unknown_labels"] = prediction.Series.Samples.Where(s => s.Metadata.ContainsKey(LabelAlignment.UnknownLabelKey))
                .GroupBy(s => s.Metadata[LabelAlignment.UnknownLabelKey]).ToDictionary(g => g.Key, g => g.Count()),
            ["created_utc"] = DateTime.UtcNow,
        }, new JsonSerializerOptions { WriteIndented = true }));
        return output;
    }

    /// <summary>
    /// The loader and its arguments: the one the model was trained with (its saved arguments), or the one named by
    /// --loader (its defaults), with --with KEY=VALUE on top, bound and checked like a pipeline step.
    /// </summary>
    (ILoaderPlugin Loader, PluginArguments Arguments) ResolveLoader(FittedPipeline pipeline, PredictionRequest request, string modelFolder)
    {
        var name = request.Loader ?? pipeline.Loader?.Plugin
                   ?? throw new PipelineException(new SourceLocation(Path.Combine(modelFolder, SavedModelLayout.ManifestFile), 0, 0),
                       "the model does not record the loader it was trained with (saved by an earlier version); name one with --loader");
        if (!catalog.TryGet(name, out var entry) || entry.Plugin is not ILoaderPlugin loader)
            throw new PipelineException(new SourceLocation("--loader", 0, 0), $"'{name}' is not an installed loader plugin (lstmfcn plugins lists them)");
        var saved = request.Loader is null || request.Loader == pipeline.Loader?.Plugin
            ? SavedArguments.Restore($"loader ({name})", loader, pipeline.Loader?.Arguments ?? new Dictionary<string, object?>())
            : null;

        // --with values are read like a pipeline's with: (YAML values, paths relative to the current folder).
        var with = new YamlMappingNode();
        foreach (var assignment in request.LoaderArguments)
        {
            int eq = assignment.IndexOf('=');
            if (eq <= 0) throw new PipelineException(new SourceLocation($"--with {assignment}", 0, 0), "expected KEY=VALUE, e.g. --with column_pattern=...");
            with.Add(assignment[..eq].Trim(), assignment[(eq + 1)..]);
        }
        var document = PipelineDocument.Parse(Path.Combine(Environment.CurrentDirectory, "--with"), new StringReader("{}"));
        var step = new StepDefinition("loader", name, with, new SourceLocation("--with", 0, 0), new SourceLocation("--loader", 0, 0));
        var errors = new List<PipelineError>();
        var given = ArgumentBinder.Bind(document, step, loader, errors, fillDefaults: saved is null);
        if (errors.Count > 0) throw new PipelineException(errors);
        var values = new Dictionary<string, object?>(saved?.Values ?? given.Values);
        foreach (var (key, value) in given.Values) values[key] = value;
        var arguments = new PluginArguments($"loader ({name})", values);
        if (loader is IChecksArguments checks && checks.Check(arguments).ToList() is { Count: > 0 } problems)
            throw new PipelineException(problems.Select(p => new PipelineError(new SourceLocation("--with", 0, 0), $"{arguments.StepName}: {p.Message}")).ToList());
        return (loader, arguments);
    }

    /// <summary>The sources' series as one dataset over the model's classes; ids get their source's name when there are several.</summary>
    static TimeSeriesDataset Combine(List<(string Source, TimeSeriesDataset Data)> parts, ClassLabels classes)
    {
        if (parts.Count == 1) return parts[0].Data;
        var samples = new List<TimeSeriesSample>();
        foreach (var (source, data) in parts)
        {
            var prefix = Path.GetFileName(source.TrimEnd('/'));
            foreach (var s in data.Samples)
                samples.Add(new TimeSeriesSample($"{prefix}:{s.Id}", s.Values, s.Channels, s.Label, s.Metadata));
        }
        return new TimeSeriesDataset(samples, classes, parts[0].Data.Metadata);
    }
}
