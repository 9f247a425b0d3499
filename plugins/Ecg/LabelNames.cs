namespace LstmFcn.Plugins.Ecg;

/// <summary>
/// Maps the label codes of a reference file to class names, from entries <c>code=name</c> (e.g. <c>A=AF</c>).
/// Several codes may share a name to merge classes (<c>O=Other</c>, <c>~=Other</c>). Class order is the order in
/// which names first appear.
/// </summary>
public sealed class LabelNames
{
    readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    readonly List<string> _order = new();

    /// <summary>The map of <paramref name="entries"/>; they have passed <see cref="ProblemOf"/> (the options' Validate).</summary>
    public LabelNames(IEnumerable<string> entries, string stepName)
    {
        if (Fill(entries) is { } problem) throw new ArgumentException($"{stepName}: {problem}");
    }

    LabelNames() { }

    /// <summary>What is wrong with the <c>classes</c> entries, or null.</summary>
    public static string? ProblemOf(IEnumerable<string> entries) => new LabelNames().Fill(entries);

    string? Fill(IEnumerable<string> entries)
    {
        foreach (var entry in entries)
        {
            var eq = entry.IndexOf('=');
            var code = eq < 0 ? "" : entry[..eq].Trim();
            var name = eq < 0 ? "" : entry[(eq + 1)..].Trim();
            if (code.Length == 0 || name.Length == 0) return $"classes entry '{entry}' must read 'code=name', e.g. 'A=AF'";
            if (!_names.TryAdd(code, name)) return $"label code '{code}' is mapped twice in classes";
            if (!_order.Contains(name)) _order.Add(name);
        }
        return _names.Count == 0 ? "classes must map at least one label code, e.g. 'N=Normal'" : null;
    }

    public IReadOnlyList<string> Codes => _names.Keys.ToList();

    /// <summary>Class names in declaration order.</summary>
    public IReadOnlyList<string> Names => _order;

    public bool TryGetName(string code, out string name) => _names.TryGetValue(code, out name!);
}
