using YamlDotNet.RepresentationModel;

namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>A pipeline file read into plain values (no plugin resolved yet).</summary>
public sealed record PipelineDefinition(
    PipelineDocument Document,
    string Name,
    int Seed,
    ComputeDevice Device,
    int Threads,
    IReadOnlyList<string> PluginFolders,
    StepDefinition? Loader,
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

    /// <summary>What is done with missing values in loaded series (<c>missing: error|interpolate|zero</c>).</summary>
    public Data.MissingValuePolicy Missing { get; init; }

    /// <summary>The <c>map:</c> stage: map verbs run in order on the run's model (classify → smooth → label → uncertainty).</summary>
    public IReadOnlyList<StepDefinition> Map { get; init; } = [];

    /// <summary>What the reader found wrong (a missing section, an unknown key…); the pipeline runs only when empty.</summary>
    public IReadOnlyList<PipelineError> Problems { get; init; } = [];
}
