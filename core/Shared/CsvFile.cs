namespace LstmFcn.Pipeline.Files;

/// <summary>
/// (Source compiled into the engine, the CLI and every built-in plugin.) What <see cref="CsvReader"/> read: the
/// header row (when the file has one) and the data rows, each with its line for messages.
/// </summary>
sealed class CsvFile
{
    public CsvFile(string path, char delimiter, CsvRecord? header, IReadOnlyList<CsvRecord> rows)
    {
        Path = path;
        Delimiter = delimiter;
        HeaderRecord = header;
        Rows = rows;
    }

    public string Path { get; }
    public char Delimiter { get; }

    /// <summary>The header row; null when the file has none or is empty.</summary>
    public CsvRecord? HeaderRecord { get; }

    /// <summary>The column names (empty without a header).</summary>
    public string[] Header => HeaderRecord?.Cells ?? [];

    /// <summary>The line of the header row (0 without one).</summary>
    public int HeaderLine => HeaderRecord?.Line ?? 0;

    /// <summary>The data rows, blank and comment lines left out.</summary>
    public IReadOnlyList<CsvRecord> Rows { get; }

    /// <summary>No header and no rows: the file holds nothing but blank (or comment) lines.</summary>
    public bool IsEmpty => HeaderRecord is null && Rows.Count == 0;

    /// <summary>The index of the column with this name (exact, case-sensitive), or -1.</summary>
    public int IndexOf(string name) => Array.IndexOf(Header, name);
}
