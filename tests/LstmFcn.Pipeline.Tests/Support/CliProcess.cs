using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace LstmFcn.Pipeline.Tests.Support;

/// <summary>
/// The app started as a child process that keeps running while a spec acts on it (signals, a second process on the
/// same run directory); <see cref="Cli.Run"/> is for commands that run to completion. Started like Cli.Run (<see cref="AppStart"/>).
/// </summary>
public sealed class CliProcess : IDisposable
{
    readonly Process _process;
    readonly StringBuilder _stdout = new(), _stderr = new();

    CliProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public static CliProcess Start(string workingDirectory, params string[] args) => Start(workingDirectory, args, asNobody: false);

    /// <summary>
    /// With <paramref name="asNobody"/>, the child runs as the unprivileged user 'nobody' (65534, through setpriv;
    /// the caller must be root): for file permissions, which root ignores.
    /// </summary>
    public static CliProcess Start(string workingDirectory, string[] args, bool asNobody)
    {
        var start = AppStart.Info(workingDirectory, args, asNobody);
        return new CliProcess(Process.Start(start)!);
    }

    /// <summary>Sends a POSIX signal (SIGTERM = 15, SIGKILL = 9) to the child.</summary>
    public void Signal(int signal)
    {
        if (kill(_process.Id, signal) != 0) throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Waits for the child to end; fails the spec when it does not within <paramref name="seconds"/>.</summary>
    public CliResult WaitForExit(double seconds)
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(seconds)))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the child did not end within {seconds} s\n{Output()}");
        }
        _process.WaitForExit(); // drains the redirected output
        return Output();
    }

    CliResult Output()
    {
        lock (_stdout) lock (_stderr)
            return new CliResult(_process.HasExited ? _process.ExitCode : -1, _stdout.ToString(), _stderr.ToString());
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing the spec after <paramref name="seconds"/> or if the child ends first.</summary>
    public void WaitUntil(Func<bool> condition, double seconds, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!condition())
        {
            if (_process.HasExited) throw new InvalidOperationException($"the child ended before {what}\n{Output()}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no {what} within {seconds} s\n{Output()}");
            Thread.Sleep(100);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);
}
