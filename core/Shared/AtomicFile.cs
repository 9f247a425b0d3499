namespace LstmFcn.Pipeline.Files;

/// <summary>
/// (Source compiled into the engine, the CLI and every built-in plugin: plugins share no concrete library.) Writes a file under a temporary name and
/// renames it when complete, so a file with the final name is whole, and an interrupted or failed write leaves the
/// previous file untouched and no <c>.partial</c> behind.
/// </summary>
static class AtomicFile
{
    public const string PartialSuffix = ".partial";

    /// <param name="unique">
    /// Write under a temporary name of this process's own: for files that several processes may write at once with
    /// the same content (the workers of a sharded map sharing one folder); the last rename wins.
    /// </param>
    public static void Write(string path, Action<Stream> write, bool unique = false)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        var temp = unique ? $"{path}.{Environment.ProcessId}-{Guid.NewGuid():N}{PartialSuffix}" : path + PartialSuffix;
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

    /// <summary>
    /// For files another library writes by name (GDAL): <paramref name="writeAt"/> writes the file at the temporary path
    /// it is given; the file (and any sidecar such as <c>.aux.xml</c> beside it) is flushed to disk and renamed.
    /// </summary>
    public static void WriteVia(string path, Action<string> writeAt, params string[] sidecarSuffixes)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        var temp = TempNameOf(path);
        try
        {
            writeAt(temp);
            foreach (var suffix in sidecarSuffixes)
                if (File.Exists(temp + suffix)) { FlushToDisk(temp + suffix); File.Move(temp + suffix, path + suffix, overwrite: true); }
            FlushToDisk(temp);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            foreach (var leftover in sidecarSuffixes.Select(s => temp + s).Append(temp))
                try { File.Delete(leftover); } catch (IOException) { /* best effort */ }
            throw;
        }
    }

    /// <summary>
    /// The temporary name of <paramref name="path"/>: <c>NAME.partial.EXT</c>, so that libraries that choose a format
    /// by extension (GDAL, image writers) still see it.
    /// </summary>
    public static string TempNameOf(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Length == 0 ? path + PartialSuffix : path[..^extension.Length] + PartialSuffix + extension;
    }

    /// <summary>Makes a written file's content durable before it is renamed (a rename alone may reach the disk first).</summary>
    public static void FlushToDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    public static void WriteText(string path, string content, bool unique = false) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(content);
        }, unique);
}
