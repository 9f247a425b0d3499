namespace LstmFcn.Pipeline;

/// <summary>The services a plugin may use while a pipeline runs.</summary>
public sealed class RunContext(int seed, ComputeDevice device, string runDirectory, IRunLog log, IProgressSink progress,
    IArtifactWriter artifacts, CancellationToken cancellation = default)
{
    public int Seed { get; } = seed;
    public ComputeDevice Device { get; } = device;
    /// <summary>The run's own folder; write through <see cref="Artifacts"/> so files appear complete or not at all.</summary>
    public string RunDirectory { get; } = runDirectory;
    public IRunLog Log { get; } = log;
    public IProgressSink Progress { get; } = progress;
    public IArtifactWriter Artifacts { get; } = artifacts;
    public CancellationToken Cancellation { get; } = cancellation;
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
