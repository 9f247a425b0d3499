using System.Diagnostics;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// A real three-node Slurm cluster on this machine (build/slurm-local.sh: Debian's slurm-wlm and munge, installed when
/// missing), started for these specs and stopped after them, on a state folder and port of their own.
/// </summary>
public sealed class LocalSlurm : IDisposable
{
    public readonly string Script = Path.Combine(Repo.Root, "build", "slurm-local.sh");
    public readonly Dictionary<string, string> Environment = new()
    {
        ["SLURM_LOCAL_DIR"] = Path.Combine(Path.GetTempPath(), $"lstmfcn-slurm-specs-{System.Environment.ProcessId}"),
        ["SLURM_LOCAL_PORT"] = "17400",
    };

    public LocalSlurm()
    {
        var (code, output) = Run(600, "start");
        if (code != 0) throw new InvalidOperationException($"build/slurm-local.sh start failed:\n{output}");
        foreach (var line in Run(30, "env").Output.Split('\n'))
            if (line.StartsWith("export ") && line[7..].Split('=', 2) is [var name, var value]) Environment[name] = value.Trim('"', '\'');
            else if (line.Split('=', 2) is [var n, var v] && n.StartsWith("SLURM")) Environment[n] = v.Trim('"', '\'');
    }

    public (int Code, string Output) Run(int timeoutSeconds, params string[] args) => Shell(timeoutSeconds, Script, args);

    public (int Code, string Output) Shell(int timeoutSeconds, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (name, value) in Environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            return (124, $"{program} {string.Join(' ', args)}: timed out after {timeoutSeconds} s\n{stdout.Result}{stderr.Result}");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public void Dispose() => Run(120, "stop");
}
