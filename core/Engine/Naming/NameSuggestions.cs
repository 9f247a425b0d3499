namespace LstmFcn.Pipeline.Engine.Naming;

/// <summary>Finds the names a user probably meant ("did you mean …?").</summary>
public static class NameSuggestions
{
    public static IReadOnlyList<string> Closest(string wanted, IEnumerable<string> candidates, int max = 3)
    {
        var w = wanted.ToLowerInvariant();
        return candidates
            .Select(c => (name: c, distance: Distance(w, c.ToLowerInvariant())))
            .Where(x => x.distance <= Math.Max(2, w.Length / 3) || x.name.Contains(w, StringComparison.OrdinalIgnoreCase)
                        || (w.Length >= 3 && w.Contains(x.name, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(x => x.distance).ThenBy(x => x.name, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.name)
            .ToList();
    }

    public static string Hint(string wanted, IEnumerable<string> candidates)
    {
        var all = candidates.ToList();
        var close = Closest(wanted, all);
        return close.Count > 0
            ? $"did you mean {string.Join(" or ", close.Select(c => $"'{c}'"))}?"
            : $"expected one of: {string.Join(", ", all.OrderBy(c => c, StringComparer.Ordinal))}";
    }

    /// <summary>Levenshtein distance with two rows.</summary>
    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var curr = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            curr[0] = i;
            for (int j = 1; j <= b.Length; j++)
                curr[j] = Math.Min(Math.Min(curr[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, curr) = (curr, prev);
        }
        return prev[b.Length];
    }
}
