namespace LstmFcn.Pipeline;

/// <summary>What a path parameter names, checked when the pipeline is validated (URLs are left to the plugin).</summary>
public enum PathKind
{
    /// <summary>Not a path.</summary>
    None,
    /// <summary>A path whose target may not exist yet (e.g. a table that reporters create).</summary>
    Any,
    /// <summary>An existing file.</summary>
    ExistingFile,
    /// <summary>An existing folder.</summary>
    ExistingFolder,
    /// <summary>An existing file or folder.</summary>
    Existing,
    /// <summary>
    /// Not a path the pipeline points at, but a name for a file or folder the plugin writes inside the run directory
    /// (e.g. "metrics.json", "report"): refused when it is empty, absolute or climbs out with "..".
    /// </summary>
    RunOutput,
}
