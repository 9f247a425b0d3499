using System.Text;

namespace LstmFcn.Pipeline.Engine.Running;

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
