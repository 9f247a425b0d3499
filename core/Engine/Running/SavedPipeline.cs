using LstmFcn.Pipeline.Engine.Plugins;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>A preprocessing step fitted on some training data, with what is needed to save it.</summary>
public sealed record FittedStep(IPreprocessorPlugin Plugin, PluginArguments Arguments, IFittedPreprocessor Transform);

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
    public static (List<FittedStep> Steps, ITrainedModel Model) Read(string folder, PluginCatalog catalog, RunContext context)
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
        return (steps, model);
    }

    static T Plugin<T>(PluginCatalog catalog, string name, string folder) where T : class, IPlugin =>
        catalog.TryGet(name, out var entry) && entry.Plugin is T plugin ? plugin
            : throw new InvalidDataException($"{Path.Combine(folder, SavedModelManifest.FileName)}: the saved model needs the plugin " +
                                             $"'{name}', which is not installed (lstmfcn plugins lists those found)");
}
