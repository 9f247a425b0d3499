using System.Reflection;
using LstmFcn.Pipeline.Engine.Outputs;
using LstmFcn.Pipeline.Engine.Running;

namespace LstmFcn.Pipeline.Cli.Terminal;

/// <summary>
/// The last line of defence of every verb: an exception nothing else handled becomes <c>error: MESSAGE</c> on stderr
/// and exit code 1, never a .NET crash report (exit 134). The stack trace goes to the run's <c>run.log</c> when this
/// process owns a run directory, and to stderr only when <c>LSTMFCN_TRACE=1</c> asks for it.
/// </summary>
public static class UnexpectedFailure
{
    public const int ExitCode = 1;
    public const string TraceVariable = "LSTMFCN_TRACE";

    public static int Report(Exception? e)
    {
        try
        {
            var cause = Unwrap(e);
            Console.Error.WriteLine($"error: {cause?.Message ?? "unknown failure"}");
            var log = AppendToRunLog(e);
            if (log is not null)
                Console.Error.WriteLine($"The run log keeps the details: {log}");
            else if (Environment.GetEnvironmentVariable(TraceVariable) == "1")
                Console.Error.WriteLine(e);
            else
                Console.Error.WriteLine($"(an unexpected {cause?.GetType().Name}; {TraceVariable}=1 prints where it happened)");
        }
        catch
        {
            // Reporting must not fail in turn (stderr closed, say): the exit code still tells.
        }
        return ExitCode;
    }

    /// <summary>The exception a person needs to see: not the wrapper of a reflection call or of a parallel loop.</summary>
    static Exception? Unwrap(Exception? e)
    {
        while (e is TargetInvocationException { InnerException: { } inner }) e = inner;
        if (e is AggregateException aggregate && aggregate.Flatten().InnerExceptions is [var only]) e = Unwrap(only);
        return e;
    }

    /// <summary>Appends the whole exception to the log of the run directory this process owns; its path, or null.</summary>
    static string? AppendToRunLog(Exception? e)
    {
        foreach (var directory in RunDirectoryLock.HeldDirectories)
        {
            var log = Path.Combine(directory, "run.log");
            try
            {
                File.AppendAllText(log, $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} error unexpected failure: {e}\n");
                return log;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A full disk or an unwritable folder: the message on stderr is all there is.
            }
        }
        return null;
    }
}
