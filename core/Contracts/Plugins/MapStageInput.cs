namespace LstmFcn.Pipeline;

/// <summary>What a map verb works with: the run's trained pipeline (the model) and the folder the stage writes into.</summary>
public sealed record MapStageInput(ITrainedPipeline Pipeline, string Folder);
