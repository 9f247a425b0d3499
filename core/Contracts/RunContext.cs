namespace LstmFcn.Pipeline;

/// <summary>Where a run executes: on CPU, on a CUDA GPU, or wherever is best (<see cref="Auto"/>).</summary>
public enum ComputeDevice { Auto, Cpu, Cuda }

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

    /// <summary><see cref="Threads"/> resolved: the number of worker threads to use (all cores when 0).</summary>
    public int WorkerThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}

public interface IRunLog
{
    void Info(string message);
    void Warn(string message);
    void Debug(string message);
    /// <summary>A table for people: printed on the console (unless quiet) and written to the log.</summary>
    void Table(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows);
}

public interface IProgressSink
{
    /// <summary>Starts a bar of <paramref name="total"/> steps; dispose it when the work ends.</summary>
    IProgressBar Start(string description, double total);
}

public interface IProgressBar : IDisposable
{
    /// <summary>Sets the bar to <paramref name="value"/> and its status text (e.g. "loss 0.31 acc 0.92 lr 1e-3").</summary>
    void Report(double value, string? status = null);
}

/// <summary>
/// Writes files into the run directory atomically: content goes to a temporary name and is renamed when complete.
/// </summary>
public interface IArtifactWriter
{
    /// <summary>Absolute path of a run-relative name (the file need not exist).</summary>
    string PathOf(string relativePath);
    void WriteText(string relativePath, string content);
    void Write(string relativePath, Action<Stream> write);
}
