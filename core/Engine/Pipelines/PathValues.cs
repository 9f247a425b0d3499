namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>
/// How a path written in a pipeline is read: relative to the pipeline file (so it runs the same from any folder), a
/// leading <c>~/</c> for the home folder, URLs and GDAL virtual paths (<c>/vsicurl/…</c>) as they are. Nothing else is
/// expanded: no environment variables, so a pipeline from elsewhere cannot make a path mean something else here.
/// </summary>
public static class PathValues
{
    public static string Resolve(string pipelineFolder, string text)
    {
        if (IsRemote(text)) return text;
        if (text == "~" || text.StartsWith("~/", StringComparison.Ordinal))
            text = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), text.Length > 2 ? text[2..] : "");
        return Path.GetFullPath(Path.Combine(pipelineFolder, text));
    }

    /// <summary>A URL (scheme://…) or a GDAL virtual file system path, which only the plugin reading it can check.</summary>
    public static bool IsRemote(string text) =>
        text.StartsWith("/vsi", StringComparison.Ordinal) ||
        (text.IndexOf("://", StringComparison.Ordinal) is > 1 and var i && text[..i].All(char.IsAsciiLetterOrDigit));

    /// <summary>A relative name that stays inside the folder it is resolved in: not empty, not rooted, no "..".</summary>
    public static bool IsInsideRun(string name)
    {
        var trimmed = name.Trim().Trim('/');
        return trimmed.Length > 0 && !Path.IsPathRooted(name) && !name.StartsWith('~') &&
               !trimmed.Split('/', '\\').Any(part => part is ".." or "");
    }

    /// <summary>Whether what <paramref name="kind"/> requires exists at <paramref name="path"/>; the problem when not.</summary>
    public static bool Exists(PathKind kind, string path, out string problem)
    {
        problem = "";
        if (IsRemote(path)) return true;
        bool ok = kind switch
        {
            PathKind.ExistingFile => File.Exists(path),
            PathKind.ExistingFolder => Directory.Exists(path),
            PathKind.Existing => File.Exists(path) || Directory.Exists(path),
            _ => true,
        };
        if (!ok)
            problem = kind switch
            {
                PathKind.ExistingFile => Directory.Exists(path) ? $"must name a file; '{path}' is a folder" : $"names a file that does not exist: '{path}'",
                PathKind.ExistingFolder => File.Exists(path) ? $"must name a folder; '{path}' is a file" : $"names a folder that does not exist: '{path}'",
                _ => $"names nothing that exists: '{path}'",
            };
        return ok;
    }
}
