using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Engine.Plugins;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>A preprocessing step fitted on some training data, with what is needed to save it.</summary>
public sealed record FittedStep(IPreprocessorPlugin Plugin, PluginArguments Arguments, IFittedPreprocessor Transform)
{
    /// <summary>
    /// Fits the steps in order, each on the training set as the previous one transformed it for training; returns them
    /// with the prepared training set. <paramref name="fitted"/> hears of each step and what it made.
    /// </summary>
    public static (List<FittedStep> Steps, TimeSeriesDataset Train) FitAll(IEnumerable<ResolvedStep<IPreprocessorPlugin>> steps,
        TimeSeriesDataset train, RunContext context, Action<FittedStep, TimeSeriesDataset>? fitted = null)
    {
        var result = new List<FittedStep>();
        foreach (var step in steps)
        {
            var transform = step.Plugin.Fit(train, step.Arguments, context);
            train = transform.TransformTraining(train, context);
            var done = new FittedStep(step.Plugin, step.Arguments, transform);
            result.Add(done);
            fitted?.Invoke(done, train);
            context.Cancellation.ThrowIfCancellationRequested();
        }
        return (result, train);
    }

    /// <summary>The evaluation transform of every step in order (test data, held-out folds, new data).</summary>
    public static TimeSeriesDataset Apply(IEnumerable<FittedStep> steps, TimeSeriesDataset data)
    {
        foreach (var step in steps) data = step.Transform.Transform(data);
        return data;
    }
}

/// <summary>A saved model folder read back: its manifest, the restored preprocessing and the loaded model.</summary>
public sealed record LoadedPipeline(SavedModelManifest Manifest, List<FittedStep> Steps, ITrainedModel Model);

/// <summary>
/// A saved model folder: the model's own files plus <see cref="SavedModelManifest"/> naming its plugin, arguments and
/// the fitted preprocessing to apply first. An ensemble's folder holds one such folder per member.
/// </summary>
public static class SavedPipeline
{
    public static void Write(string folder, string modelName, IReadOnlyDictionary<string, object?> arguments,
        IEnumerable<FittedStep> steps, ITrainedModel model, List<string>? members = null)
    {
        model.Save(folder);
        var manifest = new SavedModelManifest(
            modelName,
            arguments.ToDictionary(kv => kv.Key, kv => kv.Value),
            steps.Select(p => new SavedPreprocessor(p.Plugin.Name,
                p.Arguments.Values.ToDictionary(kv => kv.Key, kv => kv.Value),
                p.Transform.State.ToDictionary(kv => kv.Key, kv => kv.Value))).ToList(),
            model.Classes.Names.ToList(),
            $"LstmFcn.Pipeline {typeof(SavedPipeline).Assembly.GetName().Version}",
            DateTime.UtcNow)
        {
            Members = members
        };
        AtomicFile.WriteText(Path.Combine(folder, SavedModelManifest.FileName), manifest.ToJson());
    }

    /// <summary>Restores the fitted preprocessing and loads the model (an ensemble's members in turn).</summary>
    public static LoadedPipeline Read(string folder, PluginCatalog catalog, RunContext context)
    {
        var manifest = SavedModelManifest.Read(folder);
        var steps = new List<FittedStep>();
        foreach (var saved in manifest.Preprocessors)
        {
            var plugin = Plugin<IPreprocessorPlugin>(catalog, saved.Plugin, folder);
            var args = SavedArguments.Restore($"saved preprocessing ({plugin.Name})", plugin, saved.Arguments);
            steps.Add(new FittedStep(plugin, args, plugin.Restore(saved.State, args)));
        }
        var model = manifest.Members is { } members
            ? EnsembleModel.Load(folder, manifest, members, catalog, context)
            : Plugin<IModelPlugin>(catalog, manifest.ModelPlugin, folder).Load(folder, context);
        return new LoadedPipeline(manifest, steps, model);
    }

    static T Plugin<T>(PluginCatalog catalog, string name, string folder) where T : class, IPlugin =>
        catalog.TryGet(name, out var entry) && entry.Plugin is T plugin ? plugin
            : throw new InvalidDataException($"{Path.Combine(folder, SavedModelManifest.FileName)}: the saved model needs the plugin " +
                                             $"'{name}', which is not installed (lstmfcn plugins lists those found)");
}
