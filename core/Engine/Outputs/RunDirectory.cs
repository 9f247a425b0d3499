using System.Text;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Pipeline.Engine.Outputs;

/// <summary>
/// The folder a run leaves behind. Every file is written under a temporary name and renamed once complete, so a file
/// with its final name is always whole; a crashed run leaves only <c>*.partial</c> debris and a "failed" status.
/// </summary>
public sealed class RunDirectory : IArtifactWriter
{
    RunDirectory(string path) => Path = path;

    public string Path { get; }

    /// <summary>Marker created exclusively in a new run folder: whoever creates it owns the folder.</summary>
    public const string OwnerMarker = ".run-owner";

    /// <summary>How many suffixed names (<c>-1</c>, <c>-2</c>, …) a run tries before it gives up: only runs of one
    /// pipeline started in the same second compete for a name, so running out means something else is wrong.</summary>
    public const int MaxNameAttempts = 1000;

    /// <summary>
    /// Creates <c>OUTPUT/NAME-yyyyMMdd-HHmmss</c> (with a suffix if that exists already) and takes its lock. Runs of one
    /// pipeline started in the same second — side by side with different <c>--set</c> values — each get their own
    /// folder: creating a folder succeeds whether or not it exists, so ownership is decided by creating a marker file
    /// inside it, which only one process can do. A folder that cannot be created or written (permissions, a read-only
    /// or full file system) is a <see cref="RunDirectoryException"/> naming it, and leaves nothing behind.
    /// </summary>
    public static RunDirectory Create(string outputFolder, string pipelineName, DateTime now)
    {
        outputFolder = System.IO.Path.GetFullPath(outputFolder);
        Attempt(outputFolder, "cannot create the output folder", () => Directory.CreateDirectory(outputFolder));
        var stem = $"{Sanitize(pipelineName)}-{now:yyyyMMdd-HHmmss}";
        for (int attempt = 0; attempt < MaxNameAttempts; attempt++)
        {
            var candidate = System.IO.Path.Combine(outputFolder, attempt == 0 ? stem : $"{stem}-{attempt}");
            if (Directory.Exists(candidate)) continue;
            Attempt(outputFolder, "cannot create a run directory in it", () => Directory.CreateDirectory(candidate));
            if (!TryClaim(candidate, now)) continue;
            RunDirectoryLock.Acquire(candidate);
            return new RunDirectory(candidate);
        }
        throw new RunDirectoryException($"{outputFolder}: {MaxNameAttempts} run directories named {stem}[-N] exist already; " +
                                        "choose another output folder or pipeline name");
    }

    /// <summary>
    /// Creates the owner marker in <paramref name="candidate"/>; false when another run created it first. A marker that
    /// cannot be written (a full disk) removes the folder again and throws: retrying another name cannot help.
    /// </summary>
    static bool TryClaim(string candidate, DateTime now)
    {
        var marker = System.IO.Path.Combine(candidate, OwnerMarker);
        FileStream stream;
        try
        {
            stream = new FileStream(marker, FileMode.CreateNew, FileAccess.Write);
        }
        catch (IOException) when (File.Exists(marker))
        {
            return false; // another run took this folder between our check and our marker
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RemoveEmpty(candidate);
            throw Failure(System.IO.Path.GetDirectoryName(candidate)!, "cannot create a run directory in it", e);
        }
        try
        {
            using (stream)
            {
                stream.Write(Encoding.UTF8.GetBytes($"{Environment.ProcessId} {now:O}\n"));
                stream.Flush(flushToDisk: true);
            }
        }
        catch (IOException e)
        {
            try { File.Delete(marker); } catch (IOException) { }
            RemoveEmpty(candidate);
            throw Failure(System.IO.Path.GetDirectoryName(candidate)!, "cannot write a run directory in it", e);
        }
        return true;
    }

    static void RemoveEmpty(string folder)
    {
        try { Directory.Delete(folder, recursive: false); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* best effort: it is empty or not ours */ }
    }

    static void Attempt(string folder, string what, Action action)
    {
        try { action(); }
        catch (Exception e) when (e is (IOException or UnauthorizedAccessException) and not RunDirectoryException)
        {
            throw Failure(folder, what, e);
        }
    }

    static RunDirectoryException Failure(string folder, string what, Exception e) =>
        new($"{folder}: {what} ({Reason(e)}); choose a writable output folder with free space (output: or --set output=DIR)", e);

    /// <summary>The operating system's reason, without .NET's repetition of the path.</summary>
    internal static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        IOException io when (io.HResult & 0xFFFF) == ENOSPC => "no space left on the device",
        IOException io when (io.HResult & 0xFFFF) == EROFS => "read-only file system",
        IOException io when (io.HResult & 0xFFFF) == EDQUOT => "disk quota exceeded",
        _ => e.Message,
    };

    /// <summary>An existing run directory, for plain writing (no lock: e.g. a fold's sub-folder of a run).</summary>
    public static RunDirectory Open(string path) => new(System.IO.Path.GetFullPath(path));

    /// <summary>
    /// An earlier run's directory, to resume in: waits briefly for, then refuses, a live process that owns it
    /// (<see cref="RunDirectoryLock"/>); a lock left by a process that died is taken over.
    /// </summary>
    public static RunDirectory Resume(string path)
    {
        var directory = Open(path);
        RunDirectoryLock.Acquire(directory.Path);
        return directory;
    }

    static string Sanitize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var ch in name) sb.Append(char.IsLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '-');
        return sb.Length == 0 ? "run" : sb.ToString();
    }

    public string PathOf(string relativePath)
    {
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relativePath));
        if (!full.StartsWith(Path, StringComparison.Ordinal))
            throw new ArgumentException($"'{relativePath}' points outside the run directory");
        return full;
    }

    public void WriteText(string relativePath, string content) =>
        Write(relativePath, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
            writer.Write(content);
        });

    /// <summary>
    /// Writes a file atomically (<see cref="AtomicFile"/>); when the file system refuses it (full, read-only, no
    /// permission) the error names the file and the reason, and nothing with the final name is left half-written.
    /// </summary>
    public void Write(string relativePath, Action<Stream> write)
    {
        var path = PathOf(relativePath);
        try
        {
            AtomicFile.Write(path, write);
        }
        catch (Exception e) when (IsRefusal(e))
        {
            throw new RunDirectoryException($"{path}: cannot write ({Reason(e)})", e);
        }
    }

    /// <summary>The file system said no: full, read-only or not permitted (not an error of the content being written).</summary>
    internal static bool IsRefusal(Exception e) => e switch
    {
        RunDirectoryException => false,
        UnauthorizedAccessException => true,
        IOException io => (io.HResult & 0xFFFF) is ENOSPC or EROFS or EDQUOT,
        _ => false,
    };

    const int ENOSPC = 28, EROFS = 30, EDQUOT = 122;
}
