using LstmFcn.Pipeline.Engine.Models;

namespace LstmFcn.Pipeline.Engine.Evaluation;

/// <summary>
/// What a strategy works with: the loader's data, where fitted pipelines come from, the run's context and log, the
/// timings table it adds its stages to, and <paramref name="Keep"/>, which saves the pipeline the run keeps (the
/// model a map or a later prediction uses) as soon as it exists.
/// </summary>
public sealed record EvaluationInput(
    DatasetSplit Data,
    IPipelineSource Source,
    RunContext Context,
    IRunLog Log,
    StageTimings Timings,
    Action<FittedPipeline> Keep);
