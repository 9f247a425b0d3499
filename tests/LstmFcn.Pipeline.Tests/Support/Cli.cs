using System.Diagnostics;

namespace LstmFcn.Pipeline.Tests.Support;

/// <summary>
/// Runs the built app to completion as a user would (see <see cref="AppStart"/>).
/// </summary>
public static class Cli
{
    static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(90);

    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs with <paramref name="environment"/> set on top of this process's (e.g. a cluster's array variables).</summary>
    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Run(DefaultLimit, workingDirectory, environment, args);

    /// <summary>Runs a command known to take longer than the usual 90 s on a loaded machine, killing it after <paramref name="limit"/>.</summary>
    public static CliResult RunWithin(TimeSpan limit, string workingDirectory, params string[] args) =>
        Run(limit, workingDirectory, new Dictionary<string, string>(), args);

    static CliResult Run(TimeSpan limit, string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = AppStart.Info(workingDirectory, args);
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"lstmfcn {string.Join(' ', args)} did not finish in {limit.TotalSeconds:0} s");
        }
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
