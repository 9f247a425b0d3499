namespace LstmFcn.Pipeline.Engine.Outputs;

/// <summary>Run contexts for parts of a run — a cross-validation fold, an ensemble member — with their own seed and folder.</summary>
public static class DerivedContexts
{
    /// <summary>
    /// The same run (device, log, progress, threads, cancellation) writing into <paramref name="folder"/> (created)
    /// with seed <paramref name="seed"/>.
    /// </summary>
    public static RunContext InFolder(this RunContext context, string folder, int seed)
    {
        var directory = RunDirectory.Open(folder);
        Directory.CreateDirectory(directory.Path);
        return new RunContext(seed, context.Device, directory.Path, context.Log, context.Progress, directory, context.Cancellation)
        {
            Threads = context.Threads,
        };
    }
}
