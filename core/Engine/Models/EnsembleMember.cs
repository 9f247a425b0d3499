namespace LstmFcn.Pipeline.Engine.Models;

/// <summary>One fitted model of an ensemble — its own preprocessing and model, as a pipeline — with its weight and folder name.</summary>
public sealed record EnsembleMember(string Folder, FittedPipeline Pipeline, double Weight);
