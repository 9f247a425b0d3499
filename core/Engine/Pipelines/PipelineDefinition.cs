using YamlDotNet.RepresentationModel;

namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>One <c>plugin:</c> + <c>with:</c> step as written, before its plugin is looked up.</summary>
public sealed record StepDefinition(
    string Section,
    string Plugin,
    YamlMappingNode With,
    SourceLocation Location,
    SourceLocation PluginLocation);

/// <summary>A pipeline file read into plain values (no plugin resolved yet).</summary>
public sealed record PipelineDefinition(
    PipelineDocument Document,
    string Name,
    int Seed,
    ComputeDevice Device,
    int Threads,
    IReadOnlyList<string> PluginFolders,
    StepDefinition Loader,
    IReadOnlyList<StepDefinition> Preprocess,
    StepDefinition? Model,
    string? ModelFrom,
    IReadOnlyList<StepDefinition> Report,
    string Output)
{
    /// <summary>Cross-validation instead of a hold-out test set; null for the loader's train/test split.</summary>
    public EvaluationDefinition? Evaluation { get; init; }

    /// <summary><c>model: {ensemble: [...]}</c>: several models whose probabilities are averaged; null for one model.</summary>
    public EnsembleDefinition? Ensemble { get; init; }
}

/// <summary>
/// One model of an ensemble with the preprocessing only it sees (after the pipeline's own), trained
/// <paramref name="Repeat"/> times from different seeds (<c>repeat: N</c>, a deep ensemble of one model).
/// </summary>
public sealed record EnsembleMemberDefinition(StepDefinition Model, IReadOnlyList<StepDefinition> Preprocess, int Repeat = 1);

/// <summary>
/// <c>model: {ensemble: [...], weights: [...]}</c>: every member is fitted on the same training data (each after its
/// own extra preprocessing) and the ensemble predicts the weighted mean of their class probabilities, as scikit-learn's
/// soft VotingClassifier or sits' sits_combine_predictions(type = "average") do.
/// </summary>
public sealed record EnsembleDefinition(IReadOnlyList<EnsembleMemberDefinition> Members, IReadOnlyList<double> Weights);

/// <summary>
/// <c>evaluate: {kfold: K, final_fit: true}</c>: the loader's train and test sets are pooled and split into K stratified
/// folds; each fold is predicted by a pipeline fitted on the others. With <c>final_fit</c> one more pipeline is fitted
/// on everything and saved (the model a map or a later prediction uses).
/// </summary>
public sealed record EvaluationDefinition(int KFold, bool FinalFit);
