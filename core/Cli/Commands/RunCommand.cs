using LstmFcn.Pipeline.Cli.Terminal;
using LstmFcn.Pipeline.Engine.Running;
using Spectre.Console;

namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary><c>lstmfcn run PIPELINE [--set k=v]... [--plugins DIR]... [--quiet]</c></summary>
static class RunCommand
{
    public static int Execute(CommandLine cl)
    {
        var (pipeline, catalog) = PipelineLoading.Resolve(cl);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

        IConsoleSink console = cl.Quiet ? SilentConsole.Instance : new TerminalConsole();
        bool interactive = !cl.Quiet && AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
        var runner = new PipelineRunner(catalog);
        var result = cl.Quiet
            ? runner.Run(pipeline, new RunOptions(console, NoProgress.Instance, cancel.Token))
            : TerminalProgress.Run(interactive, progress => runner.Run(pipeline, new RunOptions(console, progress, cancel.Token)));
        Console.WriteLine(result.RunDirectory);
        return 0;
    }
}
