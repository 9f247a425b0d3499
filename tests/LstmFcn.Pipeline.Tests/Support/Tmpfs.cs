using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LstmFcn.Pipeline.Tests.Support;

/// <summary>
/// A small tmpfs mounted on a folder, for the specs of a full disk and a read-only file system (real ENOSPC / EROFS
/// from the kernel, not a simulation). Mounting needs root; <see cref="Unavailable"/> says why when it cannot be had.
/// </summary>
public sealed class Tmpfs : IDisposable
{
    Tmpfs(string path) => Path = path;

    public string Path { get; }

    public static bool IsRoot => OperatingSystem.IsLinux() && geteuid() == 0;

    /// <summary>Why no tmpfs can be mounted here, or null when it can.</summary>
    public static string? Unavailable =>
        !OperatingSystem.IsLinux() ? "tmpfs mounts need Linux" :
        !IsRoot ? "mounting a tmpfs needs root (run the tests as root to check full and read-only file systems)" : null;

    /// <summary>Mounts a tmpfs of <paramref name="kilobytes"/> on <paramref name="path"/> (created if missing).</summary>
    public static Tmpfs Mount(string path, int kilobytes, bool readOnly = false)
    {
        Directory.CreateDirectory(path);
        var options = $"size={kilobytes}k,mode=1777" + (readOnly ? ",ro" : "");
        Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", path);
        return new Tmpfs(path);
    }

    /// <summary>Fills the file system with one file, to the last byte or leaving <paramref name="leaveKilobytes"/>; returns its path.</summary>
    public string Fill(int leaveKilobytes = 0)
    {
        var filler = System.IO.Path.Combine(Path, "filler.bin");
        var block = new byte[4096];
        try
        {
            using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1);
            while (true) stream.Write(block);
        }
        catch (IOException e) when ((e.HResult & 0xFFFF) == 28) { /* ENOSPC: full */ }
        if (leaveKilobytes > 0)
            using (var stream = new FileStream(filler, FileMode.Open, FileAccess.Write))
                stream.SetLength(Math.Max(0, stream.Length - leaveKilobytes * 1024L));
        return filler;
    }

    public void Dispose()
    {
        try { Run("umount", "-l", Path); } catch (InvalidOperationException) { /* best effort */ }
    }

    static void Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{command} {string.Join(' ', args)}: exit {p.ExitCode}: {error}");
    }

    [DllImport("libc")]
    static extern uint geteuid();
}
