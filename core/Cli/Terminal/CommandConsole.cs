using LstmFcn.Pipeline.Engine.Running;
using Spectre.Console;

namespace LstmFcn.Pipeline.Cli.Terminal;

/// <summary>
/// How a command talks to the terminal: its console (silent with <c>--quiet</c>, which prints only the result) and,
/// for the commands that run a pipeline, a live progress display while they run.
/// </summary>
static class CommandConsole
{
    public static IConsoleSink For(CommandLine cl) => cl.Quiet ? SilentConsole.Instance : new TerminalConsole();

    /// <summary>
    /// Runs <paramref name="work"/> with this command line's run options: progress drawn live on an interactive
    /// terminal, printed as lines when the output is redirected, none with <c>--quiet</c>.
    /// </summary>
    public static T Run<T>(CommandLine cl, CancellationToken cancellation, Func<RunOptions, T> work)
    {
        var console = For(cl);
        if (cl.Quiet) return work(new RunOptions(console, NoProgress.Instance, cancellation));
        bool interactive = AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
        return TerminalProgress.Run(interactive, progress => work(new RunOptions(console, progress, cancellation)));
    }
}
