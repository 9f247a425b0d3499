using System.Diagnostics;

namespace LstmFcn.Pipeline.Tests.Support;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Runs the built app (<c>dotnet artifacts/app/lstmfcn.dll</c>) as a user would, with a private home folder so no
/// user-installed plugin is picked up.
/// </summary>
public static class Cli
{
    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs with <paramref name="environment"/> set on top of this process's (e.g. a cluster's array variables).</summary>
    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        if (!File.Exists(Repo.AppDll))
            throw new InvalidOperationException($"{Repo.AppDll} is missing: build the app first (dotnet build LstmFcn.Pipeline.sln)");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Repo.AppDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        var home = Path.Combine(workingDirectory, ".home");
        Directory.CreateDirectory(home);
        start.Environment["HOME"] = home;
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        start.Environment.Remove("LSTMFCN_PLUGINS");
        foreach (var name in new[] { "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT", "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX" })
            start.Environment.Remove(name);
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
