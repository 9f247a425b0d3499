using LstmFcn.Pipeline.Engine.Naming;
using LstmFcn.Pipeline.Engine.Plugins;
using YamlDotNet.RepresentationModel;

namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>
/// Looks up each step's plugin, binds its arguments and asks the plugin to check them as a whole
/// (<see cref="IChecksArguments"/>); reports every problem of the file at once — the reader's, each step's, each
/// ensemble member's — each with its file:line:column, before anything runs.
/// </summary>
public static class PipelineResolver
{
    /// <summary>Reporters used when a pipeline lists none, so every run leaves metrics.json.</summary>
    public static readonly string[] DefaultReporters = { "metrics" };

    public static ResolvedPipeline Resolve(PipelineDefinition def, PluginCatalog catalog)
    {
        var errors = new List<PipelineError>(def.Problems);
        foreach (var folder in def.PluginFolders)
        {
            if (!Directory.Exists(folder))
                errors.Add(new(new SourceLocation(def.Document.Path, 0, 0), $"plugin folder '{folder}' does not exist"));
            else if (catalog.Consent.RefusalOf(folder) is { } refusal) // loading runs code: only with the user's consent
                errors.Add(new(new SourceLocation(def.Document.Path, 0, 0), refusal));
            else
                catalog.AddFolder(folder);
        }

        var loader = def.Loader is null ? null : ResolveStep<ILoaderPlugin>(def, def.Loader, PluginKind.Loader, catalog, errors);
        var preprocess = def.Preprocess.Select(s => ResolveStep<IPreprocessorPlugin>(def, s, PluginKind.Preprocessor, catalog, errors)).ToList();
        var model = def.Model is null ? null : ResolveStep<IModelPlugin>(def, def.Model, PluginKind.Model, catalog, errors);
        var members = def.Ensemble?.Members.Select(m => (
            Model: ResolveStep<IModelPlugin>(def, m.Model, PluginKind.Model, catalog, errors),
            Preprocess: m.Preprocess.Select(s => ResolveStep<IPreprocessorPlugin>(def, s, PluginKind.Preprocessor, catalog, errors)).ToList(),
            m.Repeat)).ToList();
        if (def.ModelFrom is { } from && !File.Exists(Path.Combine(from, SavedModelLayout.ManifestFile)))
            errors.Add(new(new SourceLocation(def.Document.Path, 0, 0), $"model.from: '{from}' holds no saved model ({SavedModelLayout.ManifestFile} is missing)"));

        // Without a loader (a saved model that only maps) there is nothing to score: no default metrics.
        var reportSteps = def.Report.Count > 0 || def.Loader is null ? def.Report
            : DefaultReporters.Where(n => catalog.TryGet(n, out _))
                .Select(n => new StepDefinition("report (default)", n, new YamlMappingNode(),
                    new SourceLocation(def.Document.Path, 0, 0), new SourceLocation(def.Document.Path, 0, 0))).ToList();
        var report = reportSteps.Select(s => ResolveStep<IReporterPlugin>(def, s, PluginKind.Reporter, catalog, errors)).ToList();
        var map = def.Map.Select(s => ResolveStep<IMapPlugin>(def, s, PluginKind.Map, catalog, errors)).ToList();
        if (map.All(m => m is not null)) MapStageOrder.Check(def, map!, errors);

        if (errors.Count > 0) throw new PipelineException(errors.Distinct().ToList());
        return new ResolvedPipeline(def, loader, preprocess!, model, report!)
        {
            Map = map!,
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
                $"{step.Section}: '{step.Plugin}' is a {entry.Kind.ToString().ToLowerInvariant()} plugin; this step needs a {kind.ToString().ToLowerInvariant()}" +
                (entry.Kind == PluginKind.Map ? " (map verbs go in the pipeline's map: stage, in sits' order: classify, smooth, label, uncertainty)" : "")));
            return null;
        }
        int before = errors.Count;
        var args = ArgumentBinder.Bind(def.Document, step, entry.Plugin, errors);
        // The plugin's own rules between parameters, once each value is valid by itself.
        if (errors.Count == before && entry.Plugin is IChecksArguments checks)
            foreach (var problem in checks.Check(args))
                errors.Add(new(LocationOf(def.Document, step, problem.Parameter), $"{args.StepName}: {problem.Message}"));
        return new ResolvedStep<T>(step, (T)entry.Plugin, args);
    }

    /// <summary>
    /// One step bound and checked as a pipeline's would be, for commands that run a single plugin outside a run
    /// (<c>sample-design</c>, <c>cube describe</c>); every problem is thrown at once, located in the document.
    /// </summary>
    public static PluginArguments BindStep(PipelineDocument doc, StepDefinition step, IPlugin plugin)
    {
        var errors = new List<PipelineError>();
        var args = ArgumentBinder.Bind(doc, step, plugin, errors);
        if (errors.Count == 0 && plugin is IChecksArguments checks)
            foreach (var problem in checks.Check(args))
                errors.Add(new(LocationOf(doc, step, problem.Parameter), $"{args.StepName}: {problem.Message}"));
        if (errors.Count > 0) throw new PipelineException(errors);
        return args;
    }

    /// <summary>Where a parameter's value is written in the step (the step itself when the value is a default).</summary>
    static SourceLocation LocationOf(PipelineDocument doc, StepDefinition step, string? parameter)
    {
        if (parameter is not null)
            foreach (var (key, value) in step.With.Children)
                if (PipelineReader.Scalar(key) == parameter) return doc.LocationOf(value);
        return step.Location;
    }
}
