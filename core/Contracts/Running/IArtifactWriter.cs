namespace LstmFcn.Pipeline;

/// <summary>
/// Writes files into the run directory atomically: content goes to a temporary name and is renamed when complete.
/// </summary>
public interface IArtifactWriter
{
    /// <summary>Absolute path of a run-relative name (the file need not exist).</summary>
    string PathOf(string relativePath);
    void WriteText(string relativePath, string content);
    void Write(string relativePath, Action<Stream> write);
}
