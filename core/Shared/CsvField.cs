namespace LstmFcn.Pipeline.Files;

/// <summary>(Source compiled into the engine, the CLI and every built-in plugin.) RFC 4180 quoting of one CSV field.</summary>
static class CsvField
{
    static readonly char[] NeedsQuotes = { ',', '"', '\n', '\r' };

    /// <summary>The value as is, or in double quotes with inner quotes doubled when it holds a comma, quote or line break.</summary>
    public static string Quote(string value) =>
        value.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
