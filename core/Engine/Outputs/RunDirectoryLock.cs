using System.Runtime.InteropServices;
using System.Text;

namespace LstmFcn.Pipeline.Engine.Outputs;

/// <summary>
/// The one-writer rule of a run directory: its owner holds an exclusive OS lock (flock) on <see cref="FileName"/>,
/// which names the owner's pid, for as long as the process lives. The kernel drops the lock when the owner dies
/// however it dies (kill -9 included), so a lock file left by a dead process is simply taken over.
/// </summary>
/// <remarks>
/// Locks are kept per process: a process that already holds a directory's lock (a test host that runs and then
/// resumes in-process) is its owner again. Only a second process is kept out.
/// </remarks>
public sealed class RunDirectoryLock
{
    public const string FileName = ".run-lock";

    /// <summary>How long a second process waits for the owner to finish before it refuses (the owner may be writing its last files).</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(3);

    static readonly Dictionary<string, RunDirectoryLock> Held = new(StringComparer.Ordinal);

    readonly FileStream _file;

    RunDirectoryLock(FileStream file) => _file = file;

    /// <summary>The run directories this process owns (at most one for the CLI), e.g. to name the log of a crash.</summary>
    public static IReadOnlyList<string> HeldDirectories
    {
        get { lock (Held) return Held.Keys.ToList(); }
    }

    /// <summary>The lock file; the stream stays open (and the lock held) until the process ends.</summary>
    public string LockFile => _file.Name;

    /// <summary>
    /// Takes the lock of <paramref name="directory"/> for the rest of this process, waiting up to
    /// <paramref name="wait"/> while another live process holds it; then throws <see cref="RunDirectoryException"/>
    /// naming that process.
    /// </summary>
    public static void Acquire(string directory, TimeSpan? wait = null)
    {
        directory = Path.GetFullPath(directory);
        lock (Held)
        {
            // Held already, unless the folder was deleted and made again since (its lock file went with it).
            if (Held.TryGetValue(directory, out var held) && File.Exists(held.LockFile)) return;
            var path = Path.Combine(directory, FileName);
            var deadline = DateTime.UtcNow + (wait ?? DefaultWait);
            while (true)
            {
                if (TryLock(path) is { } taken)
                {
                    held?._file.Dispose();
                    Held[directory] = taken;
                    return;
                }
                if (DateTime.UtcNow >= deadline)
                    throw new RunDirectoryException(
                        $"{directory} is in use by another lstmfcn process ({OwnerText(path)}), which holds {FileName}; " +
                        "wait for it to finish or stop it, then run again (one process writes a run directory at a time)");
                Thread.Sleep(100);
            }
        }
    }

    static RunDirectoryLock? TryLock(string path)
    {
        FileStream file;
        try
        {
            // FileShare.None makes .NET take flock(LOCK_EX) itself; a second process's open then fails with EWOULDBLOCK.
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IsLockedByOther(e))
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunDirectoryException($"{path}: cannot take the run directory's lock ({e.Message})", e);
        }
        // .NET skips its own lock when DOTNET_SYSTEM_IO_DISABLEFILELOCKING is set; take it explicitly (a no-op otherwise).
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            if (flock(file.SafeFileHandle, LOCK_EX | LOCK_NB) != 0)
            {
                file.Dispose();
                return null;
            }
        }
        try
        {
            file.SetLength(0);
            file.Write(Encoding.UTF8.GetBytes($"{Environment.ProcessId} {DateTime.UtcNow:O}\n"));
            file.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // The lock is what counts; a full disk may leave the pid unwritten.
        }
        return new RunDirectoryLock(file);
    }

    /// <summary>A sharing violation (the lock is held) rather than a missing folder, a full disk or a read-only file system.</summary>
    static bool IsLockedByOther(IOException e) =>
        e is not (FileNotFoundException or DirectoryNotFoundException) &&
        (e.HResult & 0xFFFF) is EWOULDBLOCK or ErrorSharingViolation;

    /// <summary>"process 1234" from the lock file, read without taking a lock (which the owner's flock would refuse).</summary>
    static string OwnerText(string path)
    {
        var text = ReadUnlocked(path);
        var pid = text?.Split(' ', 2)[0];
        return int.TryParse(pid, out var id) ? $"pid {id}" : "pid unknown";
    }

    static string? ReadUnlocked(string path)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())) return null;
        int fd = open(path, O_RDONLY);
        if (fd < 0) return null;
        try
        {
            var buffer = new byte[256];
            var n = read(fd, buffer, buffer.Length);
            return n > 0 ? Encoding.UTF8.GetString(buffer, 0, (int)n) : null;
        }
        finally { close(fd); }
    }

    const int LOCK_EX = 2, LOCK_NB = 4, O_RDONLY = 0;
    const int EWOULDBLOCK = 11;            // EAGAIN on Linux: what flock(LOCK_NB) reports for a held lock
    const int ErrorSharingViolation = 32;  // what .NET reports on Windows

    [DllImport("libc", SetLastError = true)]
    static extern int flock(Microsoft.Win32.SafeHandles.SafeFileHandle fd, int operation);

    [DllImport("libc", SetLastError = true)]
    static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    static extern nint read(int fd, byte[] buffer, nint count);

    [DllImport("libc")]
    static extern int close(int fd);
}
