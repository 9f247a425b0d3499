
namespace LstmFcn.Pipeline.Engine.Plugins;

/// <summary>
/// Whether a plugin folder may be loaded, i.e. whether its code may run. Folders the user named (the app's own,
/// <c>--plugins</c>, <c>$LSTMFCN_PLUGINS</c>, <c>~/.lstmfcn/plugins</c>) are the user's choice. A folder named inside
/// a pipeline (<c>plugins:</c>) or a run directory being resumed came with a file that may be from anywhere: it is
/// loaded only with <c>--allow-plugins</c>, or when it is (inside) a folder listed in the user's trust list
/// (<see cref="TrustListFile"/>).
/// </summary>
public sealed class PluginFolderConsent
{
    /// <summary>The trust list under the home folder: one folder per line; <c>#</c> starts a comment; <c>~/</c> is the home folder.</summary>
    public static readonly string TrustListFile = Path.Combine(".lstmfcn", "trusted-plugin-folders");
    public const string AllowOption = "--allow-plugins";

    readonly IReadOnlyList<string> _chosen;
    readonly IReadOnlyList<string> _trusted;
    readonly bool _allowAll;
    readonly string? _trustListPath;

    public PluginFolderConsent(IEnumerable<string> chosen, IEnumerable<string> trusted, bool allowAll, string? trustListPath = null)
    {
        _chosen = chosen.Select(Normal).ToList();
        _trusted = trusted.Select(Normal).ToList();
        _allowAll = allowAll;
        _trustListPath = trustListPath;
    }

    /// <summary>Nothing beyond the folders a catalog was built from: every folder a pipeline names is refused.</summary>
    public static PluginFolderConsent None { get; } = new(Array.Empty<string>(), Array.Empty<string>(), allowAll: false);

    /// <summary>Every folder a pipeline names is loaded (<c>--allow-plugins</c>).</summary>
    public static PluginFolderConsent All { get; } = new(Array.Empty<string>(), Array.Empty<string>(), allowAll: true);

    /// <summary>
    /// The user's consent: the folders they chose, their trust list (read from the home folder; a missing list
    /// trusts nothing) and whether they passed <c>--allow-plugins</c>.
    /// </summary>
    public static PluginFolderConsent ForUser(IEnumerable<string> chosen, bool allowAll)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home)) return new(chosen, Array.Empty<string>(), allowAll);
        var list = Path.Combine(home, TrustListFile);
        return new(chosen, ReadTrustList(list, home), allowAll, list);
    }

    /// <summary>The absolute folders of a trust list; relative lines mean nothing (relative to what?) and are skipped.</summary>
    internal static IReadOnlyList<string> ReadTrustList(string path, string home)
    {
        string[] lines;
        try { lines = File.Exists(path) ? File.ReadAllLines(path) : Array.Empty<string>(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return Array.Empty<string>(); }
        return lines.Select(l => (l.IndexOf('#') is var hash and >= 0 ? l[..hash] : l).Trim())
            .Where(l => l.Length > 0)
            .Select(l => l == "~" ? home : l.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, l[2..]) : l)
            .Where(Path.IsPathFullyQualified)
            .ToList();
    }

    public bool Allows(string folder)
    {
        if (_allowAll) return true;
        var normal = Normal(folder);
        return _chosen.Contains(normal, StringComparer.Ordinal) || _trusted.Any(t => IsInside(normal, t));
    }

    /// <summary>
    /// Why a folder that a pipeline or a resumed run's resolved pipeline names may not be loaded — the user did not
    /// allow it — saying which folder and how to allow it; null when it may. The resolver reports it, before anything
    /// is loaded.
    /// </summary>
    public string? RefusalOf(string folder)
    {
        if (Allows(folder)) return null;
        var trustList = _trustListPath ?? Path.Combine("~", TrustListFile);
        return $"plugins: the folder '{Normal(folder)}' is named by this file, and loading it would run its code. " +
               $"If you trust it, run again with {AllowOption}, add the folder to {trustList}, or pass it yourself with --plugins";
    }

    static string Normal(string folder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));

    static bool IsInside(string folder, string trusted) =>
        folder == trusted || folder.StartsWith(trusted + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
