namespace LstmFcn.Plugins.Ecg;

/// <summary>A list of record names, one per line (PhysioNet's <c>RECORDS</c> layout); blank lines are skipped.</summary>
public static class RecordList
{
    public static IReadOnlyList<(string Record, int Line)> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: record list not found", path);
        var records = new List<(string, int)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var name = raw.Trim();
            if (name.Length == 0) continue;
            if (name.Contains(',') || name.Contains(' '))
                throw new DataFormatException(path, number, $"expected one record name per line, found '{name}'");
            if (!seen.TryAdd(name, number))
                throw new DataFormatException(path, number, $"record {name} is listed again (first on line {seen[name]})");
            records.Add((name, number));
        }
        if (records.Count == 0) throw new DataFormatException(path, 0, "the record list is empty");
        return records;
    }
}
