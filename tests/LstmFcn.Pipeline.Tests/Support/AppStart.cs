using System.Diagnostics;

namespace LstmFcn.Pipeline.Tests.Support;

/// <summary>
/// How specs start the built app (<c>dotnet artifacts/app/lstmfcn.dll</c>) as a user would: output redirected, a
/// private home folder so no user-installed plugin is picked up, no colours, a wide terminal, and none of a cluster's
/// shard variables (the spec sets those it means).
/// </summary>
static class AppStart
{
    static readonly string[] ShardVariables =
        { "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT", "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX" };

    /// <param name="asNobody">Run as the unprivileged user 'nobody' (65534, through setpriv; the caller must be root).</param>
    public static ProcessStartInfo Info(string workingDirectory, IEnumerable<string> args, bool asNobody = false)
    {
        if (!File.Exists(Repo.AppDll))
            throw new InvalidOperationException($"{Repo.AppDll} is missing: build the app first (dotnet build LstmFcn.Pipeline.sln)");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(asNobody ? "setpriv" : dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asNobody)
            foreach (var a in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", dotnet }) start.ArgumentList.Add(a);
        start.ArgumentList.Add(Repo.AppDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        var home = Path.Combine(workingDirectory, ".home");
        Directory.CreateDirectory(home);
        start.Environment["HOME"] = home;
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        start.Environment.Remove("LSTMFCN_PLUGINS");
        foreach (var name in ShardVariables) start.Environment.Remove(name);
        return start;
    }
}
