namespace LstmFcn.Pipeline.Files;

/// <summary>
/// (Source compiled into the engine, the CLI and every built-in plugin.) A delimited text file that cannot be read
/// as rows: the message starts with <c>file:line</c> (and <c>:column</c> when a cell is known).
/// </summary>
sealed class CsvFormatException : FormatException
{
    public CsvFormatException(string location, string reason) : base($"{location}: {reason}")
    {
        Location = location;
        Reason = reason;
    }

    /// <summary><c>file:line</c> or <c>file:line:column</c>.</summary>
    public string Location { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
}
