namespace LstmFcn.Pipeline;

/// <summary>The services a plugin may use while a pipeline runs.</summary>
public sealed class RunContext
{
    public RunContext(int seed, ComputeDevice device, string runDirectory, IRunLog log, IProgressSink progress,
        IArtifactWriter artifacts, CancellationToken cancellation = default)
    {
        Seed = seed;
        Device = device;
        RunDirectory = runDirectory;
        Log = log;
        Progress = progress;
        Artifacts = artifacts;
        Cancellation = cancellation;
    }

    public int Seed { get; }
    public ComputeDevice Device { get; }
    /// <summary>The run's own folder; write through <see cref="Artifacts"/> so files appear complete or not at all.</summary>
    public string RunDirectory { get; }
    public IRunLog Log { get; }
    public IProgressSink Progress { get; }
    public IArtifactWriter Artifacts { get; }
    public CancellationToken Cancellation { get; }
    /// <summary>Worker threads a plugin may use (0 = all cores).</summary>
    public int Threads { get; init; }

    /// <summary>
    /// A random stream of this run for <paramref name="purpose"/> (e.g. "crop", "batch-order") at <paramref name="keys"/>
    /// (a sample's position, an epoch…): see <see cref="RandomStreams"/>.
    /// </summary>
    public Random RandomFor(string purpose, params ReadOnlySpan<long> keys) => RandomStreams.For(Seed, purpose, keys);

    /// <summary>The seed of <see cref="RandomFor"/>'s stream, for generators that take a seed (libtorch's).</summary>
    public int SeedFor(string purpose, params ReadOnlySpan<long> keys) => RandomStreams.Seed(Seed, purpose, keys);

    /// <summary><see cref="Threads"/> resolved: the number of worker threads to use (all cores when 0).</summary>
    public int WorkerThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}
