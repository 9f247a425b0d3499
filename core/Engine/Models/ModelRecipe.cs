using LstmFcn.Pipeline.Engine.Data;
using LstmFcn.Pipeline.Engine.Pipelines;

namespace LstmFcn.Pipeline.Engine.Models;

/// <summary>
/// What fitting a pipeline means: what to do with missing values, its preprocessing steps, then one model or an
/// ensemble of them (exactly one of <paramref name="Model"/> and <paramref name="Ensemble"/>).
/// </summary>
public sealed record ModelRecipe(
    IReadOnlyList<ResolvedStep<IPreprocessorPlugin>> Preprocess,
    ResolvedStep<IModelPlugin>? Model,
    ResolvedEnsemble? Ensemble,
    MissingValuePolicy Missing = MissingValuePolicy.Error,
    LoaderIdentity? Loader = null)
{
    /// <summary>The recipe of a resolved pipeline that trains (not one that applies a saved model).</summary>
    public static ModelRecipe Of(ResolvedPipeline pipeline) =>
        pipeline.Model is null && pipeline.Ensemble is null
            ? throw new InvalidOperationException("the pipeline applies a saved model ('model: from:'); it trains nothing")
            : new ModelRecipe(pipeline.Preprocess, pipeline.Model, pipeline.Ensemble, pipeline.Definition.Missing,
                pipeline.Loader is { } loader ? new LoaderIdentity(loader.Plugin.Name, loader.Arguments.Values) : null);
}
