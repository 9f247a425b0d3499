using LstmFcn.Pipeline.Files;

namespace LstmFcn.Plugins.Ecg;

/// <summary>
/// A challenge reference file: one <c>record,label</c> per line, CRLF or LF, either without a header
/// (<c>REFERENCE.csv</c>, the revised labels) or with the header line <c>NAME,TYPE</c> (<c>REFERENCE-original.csv</c>,
/// the first release), read by the shared <see cref="CsvReader"/>. Blank lines are skipped; a record listed twice is an error.
/// </summary>
public static class ReferenceLabels
{
    public static IReadOnlyList<ReferenceEntry> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: label file not found", path);
        var entries = new List<ReferenceEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var file = CsvReader.Read(path, new CsvOptions { Delimiter = ',', Header = false });
        foreach (var (number, fields) in file.Rows)
        {
            if (entries.Count == 0 && IsHeader(fields)) continue;
            if (fields.Length != 2)
                throw new DataFormatException(path, number, $"expected 'record,label' (2 fields), found {fields.Length} field(s): '{string.Join(",", fields)}'");
            var (record, code) = (fields[0], fields[1]);
            if (record.Length == 0) throw new DataFormatException(path, number, "empty record name in field 1");
            if (code.Length == 0) throw new DataFormatException(path, number, $"record {record}: empty label in field 2");
            if (record.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || record.Contains('.'))
                throw new DataFormatException(path, number, $"'{record}' is not a record name (a file name without extension)");
            if (!seen.TryAdd(record, number))
                throw new DataFormatException(path, number, $"record {record} is listed again (first on line {seen[record]})");
            entries.Add(new ReferenceEntry(record, code, number));
        }
        if (entries.Count == 0) throw new DataFormatException(path, 0, "the label file is empty: expected one 'record,label' line per record");
        return entries;
    }

    /// <summary>The header of <c>REFERENCE-original.csv</c>; no record is named NAME with label TYPE.</summary>
    static bool IsHeader(string[] fields) =>
        fields.Length == 2 && fields[0].Equals("NAME", StringComparison.OrdinalIgnoreCase)
                           && fields[1].Equals("TYPE", StringComparison.OrdinalIgnoreCase);
}
