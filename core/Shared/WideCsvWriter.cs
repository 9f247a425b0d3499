using System.Globalization;
using System.Text;

namespace LstmFcn.Pipeline.Files;

/// <summary>
/// (Source compiled into the engine, the CLI and every built-in plugin.) Writes the CSV form of a wide sample table,
/// the form the <c>sample-table</c> loader reads back: a header <c>id,label,…</c>, then one row per sample — its id,
/// its class (empty when unlabelled) and its cells in the header's order. Text is quoted as RFC 4180 needs; lines end
/// in <c>\n</c>. Which columns there are and in which order is the caller's layout.
/// </summary>
sealed class WideCsvWriter : IDisposable
{
    readonly StreamWriter _writer;
    readonly char[] _number = new char[32];

    public WideCsvWriter(Stream stream, IEnumerable<string> columns)
    {
        _writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        _writer.Write("id,label");
        foreach (var c in columns) Text(c);
    }

    /// <summary>Ends the row before (or the header) and starts the row of a sample.</summary>
    public void Row(string id, string label)
    {
        _writer.Write('\n');
        _writer.Write(CsvField.Quote(id));
        _writer.Write(',');
        _writer.Write(CsvField.Quote(label));
    }

    public void Text(string value)
    {
        _writer.Write(',');
        _writer.Write(CsvField.Quote(value));
    }

    public void Number(float value)
    {
        _writer.Write(',');
        // "R" round-trips every float, so a table read back holds the very values exported.
        value.TryFormat(_number, out int written, "R", CultureInfo.InvariantCulture);
        _writer.Write(_number, 0, written);
    }

    /// <summary>An empty cell: a value the sample does not have (a shorter series).</summary>
    public void Missing() => _writer.Write(',');

    /// <summary>Ends the last row and flushes; the stream stays open.</summary>
    public void Dispose()
    {
        _writer.Write('\n');
        _writer.Dispose();
    }
}
