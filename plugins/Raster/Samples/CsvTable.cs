namespace LstmFcn.Plugins.Raster.Samples;

/// <summary>
/// A small CSV table (header row; comma, semicolon or tab separated, found from the header; optional double quotes) whose cells are found by column name,
/// with the file and line kept for error messages.
/// </summary>
public sealed class CsvTable
{
    CsvTable(string path, string[] header, List<(int Line, string[] Cells)> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
    }

    public string Path { get; }
    public string[] Header { get; }
    public IReadOnlyList<(int Line, string[] Cells)> Rows { get; }

    public static CsvTable Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: table not found", path);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].Trim().Length == 0) throw new InvalidDataException($"{path}:1: empty file; expected a header row");
        // Points come from spreadsheets too: a ';' or tab separated file (European locales) is read as well.
        char delimiter = DelimiterOf(lines[0]);
        var header = Split(lines[0], delimiter);
        var rows = new List<(int, string[])>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var cells = Split(lines[i].TrimEnd('\r'), delimiter);
            if (cells.Length != header.Length)
                throw new InvalidDataException($"{path}:{i + 1}: {cells.Length} cells, the header has {header.Length}");
            rows.Add((i + 1, cells));
        }
        return new CsvTable(path, header, rows);
    }

    /// <summary>Index of a column, or a clear error naming the file and the columns it has.</summary>
    public int Column(string name, string parameter)
    {
        int i = Array.IndexOf(Header, name);
        if (i < 0) throw new InvalidDataException($"{Path}:1: no column '{name}' ({parameter}); columns are {string.Join(", ", Header)}");
        return i;
    }

    public int? OptionalColumn(string name) => Array.IndexOf(Header, name) is var i and >= 0 ? i : null;

    public double Number(int row, int column)
    {
        var (line, cells) = Rows[row];
        if (!double.TryParse(cells[column], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
            throw new InvalidDataException($"{Path}:{line}: column '{Header[column]}' holds '{cells[column]}', expected a number");
        return v;
    }

    public DateOnly Date(int row, int column)
    {
        var (line, cells) = Rows[row];
        if (!DateOnly.TryParse(cells[column], System.Globalization.CultureInfo.InvariantCulture, out var d))
            throw new InvalidDataException($"{Path}:{line}: column '{Header[column]}' holds '{cells[column]}', expected a date (yyyy-MM-dd)");
        return d;
    }

    /// <summary>The most frequent of ',', ';' and tab in the header row (',' when none occurs).</summary>
    static char DelimiterOf(string header)
    {
        char best = ',';
        int most = 0;
        foreach (var candidate in new[] { ',', ';', '\t' })
        {
            int count = header.Count(c => c == candidate);
            if (count > most) (best, most) = (candidate, count);
        }
        return best;
    }

    static string[] Split(string line, char delimiter)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == delimiter) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString().TrimEnd('\r'));
        return cells.ToArray();
    }
}
