namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>A run that started (it has a run directory) and then failed.</summary>
public sealed class RunFailedException : Exception
{
    public RunFailedException(string runDirectory, Exception inner)
        : base($"{inner.Message} (run directory: {runDirectory})", inner) => RunDirectory = runDirectory;
    public string RunDirectory { get; }
}
