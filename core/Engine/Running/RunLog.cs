using System.Text;

namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>Where log lines and tables are shown to a person (the CLI's console; nothing when quiet).</summary>
public interface IConsoleSink
{
    void Line(string level, string message);
    void Table(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows);
}

public sealed class SilentConsole : IConsoleSink
{
    public static readonly SilentConsole Instance = new();
    public void Line(string level, string message) { }
    public void Table(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows) { }
}

/// <summary>Appends timestamped lines to the run's <c>run.log</c> and forwards them to the console.</summary>
public sealed class RunLog : IRunLog, IDisposable
{
    readonly StreamWriter? _file;
    readonly IConsoleSink _console;
    readonly object _gate = new();

    public RunLog(string? logPath, IConsoleSink console)
    {
        _console = console;
        if (logPath is not null)
            _file = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { AutoFlush = true };
    }

    public void Info(string message) => Write("info", message);
    public void Warn(string message) => Write("warn", message);
    public void Debug(string message) => Write("debug", message, toConsole: false);

    public void Table(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        lock (_gate) _file?.Write(TextTable.Render(title, headers, rows));
        _console.Table(title, headers, rows);
    }

    void Write(string level, string message, bool toConsole = true)
    {
        lock (_gate) _file?.WriteLine($"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {level,-5} {message}");
        if (toConsole) _console.Line(level, message);
    }

    public void Dispose() => _file?.Dispose();
}

/// <summary>Plain-text tables for logs and Markdown-free terminals.</summary>
public static class TextTable
{
    public static string Render(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in rows)
            for (int i = 0; i < Math.Min(row.Count, widths.Length); i++) widths[i] = Math.Max(widths[i], row[i].Length);
        var sb = new StringBuilder();
        sb.AppendLine(title);
        sb.AppendLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
            sb.AppendLine(string.Join("  ", row.Select((c, i) => i < widths.Length ? c.PadRight(widths[i]) : c)).TrimEnd());
        return sb.ToString();
    }
}

/// <summary>Progress that goes nowhere (quiet runs, tests).</summary>
public sealed class NoProgress : IProgressSink
{
    public static readonly NoProgress Instance = new();
    public IProgressBar Start(string description, double total) => Bar.Instance;
    sealed class Bar : IProgressBar
    {
        public static readonly Bar Instance = new();
        public void Report(double value, string? status = null) { }
        public void Dispose() { }
    }
}
