namespace LstmFcn.Plugins.Tables;

/// <summary>
/// A table read from a CSV or Parquet file: named columns of equal length, and where each row came from so that
/// every error can point at the file, line (or row) and column.
/// </summary>
public sealed class SampleTable
{
    readonly int[]? _rowLines;
    readonly int _headerLine;

    /// <param name="rowLines">CSV: the line each row starts on; null for Parquet (rows are then numbered 1..n).</param>
    /// <param name="headerLine">CSV: the line of the header row.</param>
    public SampleTable(string path, IReadOnlyList<TableColumn> columns, int rowCount, int[]? rowLines, int headerLine)
    {
        Path = path;
        Columns = columns;
        RowCount = rowCount;
        _rowLines = rowLines;
        _headerLine = headerLine;
    }

    public string Path { get; }
    public IReadOnlyList<TableColumn> Columns { get; }
    public int RowCount { get; }
    public bool HasLines => _rowLines is not null;

    public int IndexOf(string name)
    {
        for (int i = 0; i < Columns.Count; i++)
            if (Columns[i].Name == name) return i;
        return -1;
    }

    /// <summary>The line (CSV) or 1-based row number (Parquet) of a row, for sample metadata.</summary>
    public int LineOf(int row) => _rowLines is null ? row + 1 : _rowLines[row];

    /// <summary>Where a cell is: <c>file:line:column</c> (CSV) or <c>file: row N, column 'X'</c> (Parquet).</summary>
    public string Location(int row, int column) => _rowLines is null
        ? $"{Path}: row {row + 1}, column '{Columns[column].Name}'"
        : $"{Path}:{_rowLines[row]}:{column + 1}";

    /// <summary>Where a row is: <c>file:line</c> (CSV) or <c>file: row N</c> (Parquet).</summary>
    public string RowLocation(int row) => _rowLines is null ? $"{Path}: row {row + 1}" : $"{Path}:{_rowLines[row]}";

    /// <summary>Where the header is, optionally one of its columns: <c>file:line[:column]</c> or <c>file</c>.</summary>
    public string HeaderLocation(int column = -1) => _rowLines is null
        ? (column < 0 ? Path : $"{Path}: column '{Columns[column].Name}'")
        : (column < 0 ? $"{Path}:{_headerLine}" : $"{Path}:{_headerLine}:{column + 1}");

    /// <summary>The column names as a list for error messages.</summary>
    public string ColumnList() => string.Join(", ", Columns.Select(c => c.Name));

    /// <summary>A cell that must hold a number, or a clear error naming the cell and what it is for.</summary>
    public double Number(int row, int column, string role)
    {
        var cell = Columns[column];
        if (cell.TryNumber(row, out var value)) return value;
        throw cell.IsMissing(row)
            ? new TableFormatException(Location(row, column), $"missing value in column '{cell.Name}' ({role}); expected a number")
            : new TableFormatException(Location(row, column), $"column '{cell.Name}' ({role}): '{cell.Text(row)}' is not a number");
    }

    /// <summary>A cell that must not be empty (labels, ids, times).</summary>
    public string RequiredText(int row, int column, string role)
    {
        var cell = Columns[column];
        if (cell.IsMissing(row))
            throw new TableFormatException(Location(row, column), $"missing {role} in column '{cell.Name}'");
        return cell.Text(row).Trim();
    }
}
