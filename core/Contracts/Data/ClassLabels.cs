namespace LstmFcn.Pipeline;

/// <summary>The ordered set of class names of a task; a label is an index into it.</summary>
public sealed class ClassLabels
{
    readonly Dictionary<string, int> _index;

    public ClassLabels(IEnumerable<string> names)
    {
        Names = names.ToArray();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Names.Count; i++)
            if (!_index.TryAdd(Names[i], i)) throw new ArgumentException($"class name '{Names[i]}' appears twice");
    }

    public IReadOnlyList<string> Names { get; }
    public int Count => Names.Count;
    public string this[int index] => Names[index];

    public bool TryGetIndex(string name, out int index) => _index.TryGetValue(name, out index);

    public int IndexOf(string name) =>
        _index.TryGetValue(name, out var i) ? i : throw new KeyNotFoundException($"unknown class '{name}'");

    /// <summary>
    /// Orders names the way people expect: numerically when every name is a number (UCR's "1", "2", "10"),
    /// otherwise ordinally.
    /// </summary>
    public static ClassLabels FromObserved(IEnumerable<string> observed)
    {
        var distinct = observed.Distinct(StringComparer.Ordinal).ToList();
        bool numeric = distinct.All(n => double.TryParse(n, System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out _));
        if (numeric)
            distinct.Sort((a, b) => double.Parse(a, System.Globalization.CultureInfo.InvariantCulture)
                .CompareTo(double.Parse(b, System.Globalization.CultureInfo.InvariantCulture)));
        else
            distinct.Sort(StringComparer.Ordinal);
        return new ClassLabels(distinct);
    }
}
