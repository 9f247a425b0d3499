namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>Where a run shows itself (console, progress bars) and what can stop it.</summary>
public sealed record RunOptions(IConsoleSink Console, IProgressSink Progress, CancellationToken Cancellation = default);
