using System.Text;
using LstmFcn.Pipeline.Engine.Outputs;

namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>
/// Appends timestamped lines to the run's <c>run.log</c> and forwards them to the console. A log that cannot be
/// written (a full disk, a read-only or unwritable folder) never stops the run: the console still gets every line,
/// once with a warning that the file is lost from that point.
/// </summary>
public sealed class RunLog : IRunLog, IDisposable
{
    StreamWriter? _file;
    readonly string? _path;
    readonly IConsoleSink _console;
    readonly object _gate = new();

    public RunLog(string? logPath, IConsoleSink console)
    {
        _console = console;
        _path = logPath;
        if (logPath is null) return;
        try
        {
            _file = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { AutoFlush = true };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Lost(e);
        }
    }

    /// <summary>The log file, or null when there is none (no run directory, or it could not be written).</summary>
    public string? FilePath => _file is null ? null : _path;

    public void Info(string message) => Write("info", message);
    public void Warn(string message) => Write("warn", message);
    public void Debug(string message) => Write("debug", message, toConsole: false);

    public void Table(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ToFile(TextTable.Render(title, headers, rows), newLine: false);
        _console.Table(title, headers, rows);
    }

    void Write(string level, string message, bool toConsole = true)
    {
        ToFile($"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {level,-5} {message}", newLine: true);
        if (toConsole) _console.Line(level, message);
    }

    void ToFile(string text, bool newLine)
    {
        Exception? failure = null;
        lock (_gate)
        {
            if (_file is null) return;
            try
            {
                if (newLine) _file.WriteLine(text); else _file.Write(text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failure = e;
                Close();
            }
        }
        if (failure is not null) Lost(failure);
    }

    void Lost(Exception e) =>
        _console.Line("warn", $"{_path}: cannot write the run log ({RunDirectory.Reason(e)}); it continues on the console only");

    /// <summary>Drops the writer; what it still buffers cannot be written either.</summary>
    void Close()
    {
        var file = _file;
        _file = null;
        try { file?.Dispose(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    public void Dispose()
    {
        lock (_gate) Close();
    }
}
