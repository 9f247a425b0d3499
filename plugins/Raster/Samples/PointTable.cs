using LstmFcn.Pipeline.Files;

namespace LstmFcn.Plugins.Raster.Samples;

/// <summary>
/// A table of points (read by the shared <see cref="CsvReader"/>: header row; comma, semicolon or tab separated, found from the header; optional double quotes)
/// whose cells are found by column name and read as numbers or dates, with the file and line kept for error messages.
/// </summary>
public sealed class PointTable
{
    PointTable(string path, string[] header, List<(int Line, string[] Cells)> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
    }

    public string Path { get; }
    public string[] Header { get; }
    public IReadOnlyList<(int Line, string[] Cells)> Rows { get; }

    public static PointTable Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: table not found", path);
        // Points come from spreadsheets too: a ';' or tab separated file (European locales) is read as well.
        var file = CsvReader.Read(path, new CsvOptions());
        if (file.HeaderRecord is null) throw new InvalidDataException($"{path}:1: empty file; expected a header row");
        return new PointTable(path, file.Header, file.Rows.Select(r => (r.Line, r.Cells)).ToList());
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
}
