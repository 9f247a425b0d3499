using Spectre.Console;

namespace LstmFcn.Pipeline.Cli.Terminal;

/// <summary>
/// Progress bars: live Spectre.Console bars on an interactive terminal; on a pipe or CI log, one line each time a
/// bar passes another tenth, so logs stay short but still show that work moves.
/// </summary>
public static class TerminalProgress
{
    public static T Run<T>(bool interactive, Func<IProgressSink, T> work)
    {
        if (!interactive) return work(new LineProgress());
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx => result = work(new LiveProgress(ctx)));
        return result;
    }

    sealed class LiveProgress : IProgressSink
    {
        readonly ProgressContext _ctx;
        public LiveProgress(ProgressContext ctx) => _ctx = ctx;

        public IProgressBar Start(string description, double total)
        {
            var task = _ctx.AddTask(Markup.Escape(description), maxValue: Math.Max(total, 1e-9));
            return new LiveBar(task, description);
        }

        sealed class LiveBar : IProgressBar
        {
            readonly ProgressTask _task;
            readonly string _description;
            public LiveBar(ProgressTask task, string description) { _task = task; _description = description; }

            public void Report(double value, string? status = null)
            {
                _task.Value = value;
                if (status is not null) _task.Description = Markup.Escape($"{_description}  {status}");
            }

            public void Dispose()
            {
                _task.Value = _task.MaxValue;
                _task.StopTask();
            }
        }
    }

    sealed class LineProgress : IProgressSink
    {
        public IProgressBar Start(string description, double total) => new LineBar(description, total);

        sealed class LineBar : IProgressBar
        {
            readonly string _description;
            readonly double _total;
            readonly DateTime _start = DateTime.UtcNow;
            int _lastTenth = -1;
            string? _status;

            public LineBar(string description, double total) { _description = description; _total = Math.Max(total, 1e-9); }

            public void Report(double value, string? status = null)
            {
                lock (this) ReportLocked(value, status);
            }

            void ReportLocked(double value, string? status)
            {
                _status = status ?? _status;
                var elapsed = DateTime.UtcNow - _start;
                if (elapsed < QuietStart) return; // short steps need no progress lines in a log
                int tenth = (int)Math.Floor(10 * value / _total);
                if (tenth <= _lastTenth) return;
                _lastTenth = tenth;
                Console.WriteLine($"  {_description}: {100 * value / _total,3:F0}%  {elapsed.TotalSeconds:F1} s  {_status}");
            }

            static readonly TimeSpan QuietStart = TimeSpan.FromSeconds(1);

            public void Dispose() { }
        }
    }
}
