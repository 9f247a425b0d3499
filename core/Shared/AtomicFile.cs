namespace LstmFcn.Pipeline.Files;

/// <summary>
/// (Source compiled into the engine, the CLI and every built-in plugin: plugins share no concrete library.) Writes a file under a temporary name and
/// renames it when complete, so a file with the final name is whole, and an interrupted or failed write leaves the
/// previous file untouched and no <c>.partial</c> behind.
/// </summary>
static class AtomicFile
{
    public const string PartialSuffix = ".partial";

    public static void Write(string path, Action<Stream> write)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        var temp = path + PartialSuffix;
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { /* best effort: the name already says incomplete */ }
            throw;
        }
    }

    public static void WriteText(string path, string content) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(content);
        });
}
