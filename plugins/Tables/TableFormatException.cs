namespace LstmFcn.Plugins.Tables;

/// <summary>
/// A table that cannot be read as samples. The message starts with where the problem is, as precisely as the format
/// allows: <c>file:line:column</c> for CSV, <c>file: row N, column 'X'</c> for Parquet.
/// </summary>
public sealed class TableFormatException : Exception
{
    public TableFormatException(string location, string message) : base($"{location}: {message}") { }
}
