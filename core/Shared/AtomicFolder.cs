namespace LstmFcn.Pipeline.Files;

/// <summary>
/// (Source compiled into the engine, the CLI and every built-in plugin.) Folders that appear complete or not at all,
/// and a replacement that survives a kill at any point: a folder is built as <c>NAME.next</c>; the old one steps
/// aside as <c>NAME.old</c>; <c>NAME.next</c> becomes <c>NAME</c>; <c>NAME.old</c> goes. Whatever instant a process
/// dies at, one of the three is complete, and <see cref="Recover"/> finds it.
/// </summary>
static class AtomicFolder
{
    public const string NextSuffix = ".next";
    public const string OldSuffix = ".old";

    /// <summary>Writes a new folder at <paramref name="path"/> (replacing what was there) through <paramref name="writeInto"/>.</summary>
    public static void Write(string path, Action<string> writeInto)
    {
        var next = path + NextSuffix;
        if (Directory.Exists(next)) Directory.Delete(next, recursive: true);
        Directory.CreateDirectory(next);
        try
        {
            writeInto(next);
        }
        catch
        {
            try { Directory.Delete(next, recursive: true); } catch (IOException) { /* best effort: the name says incomplete */ }
            throw;
        }
        Replace(path, next);
    }

    /// <summary>Puts the complete folder <paramref name="next"/> in place of <paramref name="path"/>.</summary>
    static void Replace(string path, string next)
    {
        var old = path + OldSuffix;
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        if (Directory.Exists(path)) Directory.Move(path, old);
        Directory.Move(next, path);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }

    /// <summary>
    /// After an interruption: the complete folder among <c>NAME</c>, <c>NAME.next</c> and <c>NAME.old</c> (in that
    /// order of preference, as <paramref name="isComplete"/> judges), moved back to <c>NAME</c>, the others removed;
    /// null when none is complete.
    /// </summary>
    public static string? Recover(string path, Func<string, bool> isComplete)
    {
        string? chosen = null;
        foreach (var candidate in new[] { path, path + NextSuffix, path + OldSuffix })
            if (Directory.Exists(candidate) && isComplete(candidate)) { chosen = candidate; break; }
        foreach (var other in new[] { path, path + NextSuffix, path + OldSuffix })
            if (other != chosen && Directory.Exists(other))
            {
                if (other == path && chosen is not null) Directory.Delete(other, recursive: true);
                else if (other != path) Directory.Delete(other, recursive: true);
            }
        if (chosen is null) return null;
        if (chosen != path)
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            Directory.Move(chosen, path);
        }
        return path;
    }
}
