using System.Diagnostics;

namespace LstmFcn.Pipeline.Tests.Support;

/// <summary>
/// Runs the built app to completion as a user would (see <see cref="AppStart"/>).
/// </summary>
public static class Cli
{
    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs with <paramref name="environment"/> set on top of this process's (e.g. a cluster's array variables).</summary>
    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = AppStart.Info(workingDirectory, args);
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"lstmfcn {string.Join(' ', args)} did not finish in 90 s");
        }
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
