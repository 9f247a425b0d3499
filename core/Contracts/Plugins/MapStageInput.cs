namespace LstmFcn.Pipeline;

/// <summary>
/// What a map verb works with: the run's trained pipeline (the model), the folder the stage writes into (the run's
/// <c>map/</c>: verbs write nowhere else) and the pipeline's name (for the maps' metadata and titles).
/// </summary>
public sealed record MapStageInput(ITrainedPipeline Pipeline, string Folder, string PipelineName);
