using LstmFcn.Pipeline.Engine.Plugins;

namespace LstmFcn.Pipeline.Engine.Pipelines;

public sealed record ResolvedStep<TPlugin>(StepDefinition Definition, TPlugin Plugin, PluginArguments Arguments)
    where TPlugin : IPlugin;

/// <summary>A pipeline whose every step names an existing plugin of the right kind with valid arguments.</summary>
public sealed record ResolvedPipeline(
    PipelineDefinition Definition,
    ResolvedStep<ILoaderPlugin> Loader,
    IReadOnlyList<ResolvedStep<IPreprocessorPlugin>> Preprocess,
    ResolvedStep<IModelPlugin>? Model,
    IReadOnlyList<ResolvedStep<IReporterPlugin>> Report)
{
    /// <summary>The models of <c>model: {ensemble: [...]}</c> (then <see cref="Model"/> is null).</summary>
    public ResolvedEnsemble? Ensemble { get; init; }

    /// <summary>What the run trains, for logs and run.json: the model plugin, or the ensemble's models joined by '+'.</summary>
    public string? ModelName => Model?.Plugin.Name ?? Ensemble?.Name;

    /// <summary>The saved model applied instead of training one (<c>model: {from: ...}</c>), else null.</summary>
    public string? ModelFrom => Definition.ModelFrom;
}

/// <summary>
/// One model the ensemble trains: copy <paramref name="Copy"/> (0-based) of the <paramref name="Copies"/> that a member
/// with <c>repeat: N</c> stands for (0 of 1 otherwise). Copy 0 trains with the run's seed, so one copy is the lone model.
/// </summary>
public sealed record ResolvedEnsembleMember(ResolvedStep<IModelPlugin> Model, IReadOnlyList<ResolvedStep<IPreprocessorPlugin>> Preprocess,
    int Copy = 0, int Copies = 1);

/// <summary>The models an ensemble trains, repeated members spread into their copies, each with its share of the weight.</summary>
public sealed record ResolvedEnsemble(IReadOnlyList<ResolvedEnsembleMember> Members, IReadOnlyList<double> Weights)
{
    /// <summary>"lstm-fcn+gradient-boosting"; a repeated model as "lstm-fcn×3".</summary>
    public string Name => string.Join("+", Members.Where(m => m.Copy == 0)
        .Select(m => m.Copies > 1 ? $"{m.Model.Plugin.Name}×{m.Copies}" : m.Model.Plugin.Name));

    /// <summary>The weights as the pipeline lists them, one per listed model (its copies share it).</summary>
    public required IReadOnlyList<double> ListedWeights { get; init; }

    /// <summary>Spreads each listed member (<see cref="ResolvedEnsembleMember.Copies"/> = its <c>repeat</c>) into its
    /// copies, which share its weight equally.</summary>
    public static ResolvedEnsemble Expand(IReadOnlyList<ResolvedEnsembleMember> listed, IReadOnlyList<double> weights)
    {
        var members = new List<ResolvedEnsembleMember>();
        var shares = new List<double>();
        for (int i = 0; i < listed.Count; i++)
            for (int c = 0; c < listed[i].Copies; c++)
            {
                members.Add(listed[i] with { Copy = c });
                shares.Add(weights[i] / listed[i].Copies);
            }
        return new ResolvedEnsemble(members, shares) { ListedWeights = weights };
    }
}

/// <summary>Looks up each step's plugin and binds its arguments; reports every problem at once.</summary>
public static class PipelineResolver
{
    /// <summary>Reporters used when a pipeline lists none, so every run leaves metrics.json.</summary>
    public static readonly string[] DefaultReporters = { "metrics" };

    public static ResolvedPipeline Resolve(PipelineDefinition def, PluginCatalog catalog)
    {
        foreach (var folder in def.PluginFolders)
        {
            if (!Directory.Exists(folder))
                throw new PipelineException(new SourceLocation(def.Document.Path, 0, 0), $"plugin folder '{folder}' does not exist");
            catalog.AddFolder(folder);
        }

        var errors = new List<PipelineError>();
        var loader = ResolveStep<ILoaderPlugin>(def, def.Loader, PluginKind.Loader, catalog, errors);
        var preprocess = def.Preprocess.Select(s => ResolveStep<IPreprocessorPlugin>(def, s, PluginKind.Preprocessor, catalog, errors)).ToList();
        var model = def.Model is null ? null : ResolveStep<IModelPlugin>(def, def.Model, PluginKind.Model, catalog, errors);
        var members = def.Ensemble?.Members.Select(m => (
            Model: ResolveStep<IModelPlugin>(def, m.Model, PluginKind.Model, catalog, errors),
            Preprocess: m.Preprocess.Select(s => ResolveStep<IPreprocessorPlugin>(def, s, PluginKind.Preprocessor, catalog, errors)).ToList(),
            m.Repeat)).ToList();
        if (def.ModelFrom is { } from && !File.Exists(Path.Combine(from, Running.SavedModelManifest.FileName)))
            errors.Add(new(new SourceLocation(def.Document.Path, 0, 0), $"model.from: '{from}' holds no saved model ({Running.SavedModelManifest.FileName} is missing)"));

        var reportSteps = def.Report.Count > 0 ? def.Report
            : DefaultReporters.Where(n => catalog.TryGet(n, out _))
                .Select(n => new StepDefinition("report (default)", n, new YamlDotNet.RepresentationModel.YamlMappingNode(),
                    new SourceLocation(def.Document.Path, 0, 0), new SourceLocation(def.Document.Path, 0, 0))).ToList();
        var report = reportSteps.Select(s => ResolveStep<IReporterPlugin>(def, s, PluginKind.Reporter, catalog, errors)).ToList();

        if (errors.Count > 0) throw new PipelineException(errors);
        return new ResolvedPipeline(def, loader!, preprocess!, model, report!)
        {
            Ensemble = members is null ? null
                : ResolvedEnsemble.Expand(members.Select(m => new ResolvedEnsembleMember(m.Model!, m.Preprocess.Select(p => p!).ToList(),
                    Copies: m.Repeat)).ToList(), def.Ensemble!.Weights),
        };
    }

    static ResolvedStep<T>? ResolveStep<T>(PipelineDefinition def, StepDefinition step, PluginKind kind,
        PluginCatalog catalog, List<PipelineError> errors) where T : class, IPlugin
    {
        if (!catalog.TryGet(step.Plugin, out var entry))
        {
            var sameKind = catalog.OfKind(kind).Select(e => e.Name);
            errors.Add(new(step.PluginLocation,
                $"{step.Section}: unknown {kind.ToString().ToLowerInvariant()} plugin '{step.Plugin}'; {NameSuggestions.Hint(step.Plugin, sameKind)}"));
            return null;
        }
        if (entry.Kind != kind)
        {
            errors.Add(new(step.PluginLocation,
                $"{step.Section}: '{step.Plugin}' is a {entry.Kind.ToString().ToLowerInvariant()} plugin; this step needs a {kind.ToString().ToLowerInvariant()}"));
            return null;
        }
        var args = ArgumentBinder.Bind(def.Document, step, entry.Plugin, errors);
        return new ResolvedStep<T>(step, (T)entry.Plugin, args);
    }
}
