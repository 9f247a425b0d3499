namespace LstmFcn.Pipeline;

/// <summary>A problem with a step's arguments, located at <paramref name="Parameter"/> (null: the step as a whole).</summary>
public sealed record OptionProblem(string? Parameter, string Message);
