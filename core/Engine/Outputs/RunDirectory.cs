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

    /// <summary>
    /// Creates <c>OUTPUT/NAME-yyyyMMdd-HHmmss</c> (with a suffix if that exists already). Runs of one pipeline started
    /// in the same second — side by side with different <c>--set</c> values — each get their own folder: creating a
    /// folder succeeds whether or not it exists, so ownership is decided by creating a marker file inside it, which
    /// only one process can do.
    /// </summary>
    public static RunDirectory Create(string outputFolder, string pipelineName, DateTime now)
    {
        Directory.CreateDirectory(outputFolder);
        var stem = $"{Sanitize(pipelineName)}-{now:yyyyMMdd-HHmmss}";
        for (int attempt = 0; ; attempt++)
        {
            var candidate = System.IO.Path.Combine(outputFolder, attempt == 0 ? stem : $"{stem}-{attempt}");
            if (Directory.Exists(candidate)) continue;
            Directory.CreateDirectory(candidate);
            try
            {
                using var marker = new FileStream(System.IO.Path.Combine(candidate, OwnerMarker), FileMode.CreateNew, FileAccess.Write);
                marker.Write(Encoding.UTF8.GetBytes($"{Environment.ProcessId} {now:O}\n"));
            }
            catch (IOException) when (File.Exists(System.IO.Path.Combine(candidate, OwnerMarker)))
            {
                continue; // another run took this folder between our check and our marker
            }
            return new RunDirectory(candidate);
        }
    }

    public static RunDirectory Open(string path) => new(System.IO.Path.GetFullPath(path));

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
        AtomicFile.WriteText(PathOf(relativePath), content);

    public void Write(string relativePath, Action<Stream> write) => AtomicFile.Write(PathOf(relativePath), write);
}
