namespace LstmFcn.Pipeline.Files;

/// <summary>(Source compiled into the engine, the CLI and every built-in plugin.) How <see cref="CsvReader"/> reads a delimited text file.</summary>
sealed record CsvOptions
{
    /// <summary>The cell separator; null takes the most frequent of comma, semicolon and tab on the first row (outside quotes).</summary>
    public char? Delimiter { get; init; }

    /// <summary>The first row names the columns, and every later row must have as many cells.</summary>
    public bool Header { get; init; } = true;

    /// <summary>A line whose first non-space character is this one is skipped (null: no comments).</summary>
    public char? Comment { get; init; }
}
