using LstmFcn.Pipeline.Files;

namespace LstmFcn.Plugins.Tables;

/// <summary>
/// A delimited text table (read by the shared <see cref="CsvReader"/>: a header row, quoted fields, a comma,
/// semicolon or tab given or found from the header) as a <see cref="SampleTable"/>, every cell kept as text with its
/// line. Its format errors are <see cref="TableFormatException"/>s like those of the Parquet reader.
/// </summary>
public static class CsvTableReader
{
    public static SampleTable Read(string path, char? delimiter)
    {
        CsvFile file;
        try
        {
            file = CsvReader.Read(path, new CsvOptions { Delimiter = delimiter });
        }
        catch (CsvFormatException e)
        {
            throw new TableFormatException(e.Location, e.Reason);
        }
        if (file.HeaderRecord is not { } header)
            throw new TableFormatException(path, "the file is empty: expected a header row, then one row per sample (wide) or per sample and time (long)");
        var names = NameColumns(path, header.Line, header.Cells);
        if (file.Rows.Count == 0)
            throw new TableFormatException($"{path}:{header.Line}", "the table has a header but no data rows");

        var columns = new TableColumn[names.Length];
        for (int c = 0; c < names.Length; c++)
        {
            var cells = new string[file.Rows.Count];
            for (int r = 0; r < cells.Length; r++) cells[r] = file.Rows[r].Cells[c];
            columns[c] = new TextColumn(names[c], cells);
        }
        return new SampleTable(path, columns, file.Rows.Count, file.Rows.Select(r => r.Line).ToArray(), header.Line);
    }

    /// <summary>
    /// Header cells become column names. R's <c>write.csv</c> leaves the row-name column's header empty: such a column
    /// is called <c>unnamed-N</c> (N = its 1-based position; a name no value-column pattern takes for a band) rather
    /// than rejected.
    /// </summary>
    static string[] NameColumns(string path, int line, IReadOnlyList<string> header)
    {
        var names = new string[header.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < header.Count; c++)
        {
            var name = header[c].Trim();
            if (name.Length == 0) name = $"unnamed-{c + 1}";
            if (!seen.TryAdd(name, c))
                throw new TableFormatException($"{path}:{line}:{c + 1}",
                    $"column name '{name}' appears twice in the header (columns {seen[name] + 1} and {c + 1})");
            names[c] = name;
        }
        return names;
    }
}
