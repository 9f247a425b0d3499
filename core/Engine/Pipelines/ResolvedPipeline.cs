using LstmFcn.Pipeline.Engine.Plugins;

using LstmFcn.Pipeline.Engine.Naming;

namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>A pipeline whose every step names an existing plugin of the right kind with valid arguments.</summary>
public sealed record ResolvedPipeline(
    PipelineDefinition Definition,
    ResolvedStep<ILoaderPlugin>? Loader,
    IReadOnlyList<ResolvedStep<IPreprocessorPlugin>> Preprocess,
    ResolvedStep<IModelPlugin>? Model,
    IReadOnlyList<ResolvedStep<IReporterPlugin>> Report)
{
    /// <summary>The models of <c>model: {ensemble: [...]}</c> (then <see cref="Model"/> is null).</summary>
    public ResolvedEnsemble? Ensemble { get; init; }

    /// <summary>What the run trains, for logs and run.json: the model plugin, or the ensemble's models joined by '+'.</summary>
    public string? ModelName => Model?.Plugin.Name ?? Ensemble?.Name;

    /// <summary>The map verbs of the <c>map:</c> stage, in order (empty when the pipeline makes no map).</summary>
    public IReadOnlyList<ResolvedStep<IMapPlugin>> Map { get; init; } = [];

    /// <summary>The saved model applied instead of training one (<c>model: {from: ...}</c>), else null.</summary>
    public string? ModelFrom => Definition.ModelFrom;
}
