namespace LstmFcn.Pipeline.Engine.Models;

/// <summary>One member of a composite model and its probabilities over the same rows as the model's.</summary>
public sealed record MemberPredictions(string Name, ProbabilityMatrix Probabilities);
