using LstmFcn.Pipeline.Engine.Naming;
using LstmFcn.Pipeline.Cli;
using LstmFcn.Pipeline.Cli.Commands;
using LstmFcn.Pipeline.Cli.Terminal;
using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Engine.Plugins;
using LstmFcn.Pipeline.Engine.Outputs;
using LstmFcn.Pipeline.Engine.Running;

// Exit codes: 0 success, 1 the run failed (or anything unexpected), 2 bad input (pipeline, plugin, usage),
// 130 cancelled by Ctrl+C, 143 stopped by SIGTERM.
TorchThreading.ApplyDefaults();
AppDomain.CurrentDomain.UnhandledException += (_, e) => Environment.Exit(UnexpectedFailure.Report(e.ExceptionObject as Exception));
try
{
    var cl = CommandLine.Parse(args);
    if (cl.Options.ContainsKey("--help")) return HelpCommand.Execute();
    return cl.Verb switch
    {
        "run" => RunCommand.Execute(cl),
        "predict" => PredictCommand.Execute(cl),
        "classify" => ClassifyCommand.Execute(cl),
        "merge" => MergeCommand.Execute(cl),
        "cluster" => ClusterCommand.Execute(cl),
        "extract" => ExtractCommand.Execute(cl),
        "cube" => CubeCommand.Execute(cl),
        "sample-design" => SampleDesignCommand.Execute(cl),
        "validate" => ValidateCommand.Execute(cl),
        "plugins" => PluginsCommand.Execute(cl),
        "bench" => BenchCommand.Execute(cl),
        "reproduce" => ReproduceCommand.Execute(cl),
        "compare" => CompareCommand.Execute(cl),
        "help" or "--help" or "-h" => HelpCommand.Execute(),
        "--version" or "version" => VersionCommand.Execute(),
        _ => throw new UsageException($"unknown command '{cl.Verb}'; {NameSuggestions.Hint(cl.Verb, new[] { "run", "predict", "classify", "merge", "cluster", "extract", "cube", "sample-design", "validate", "plugins", "bench", "reproduce", "compare", "help", "version" })}")
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine("Run 'lstmfcn help' for usage.");
    return 2;
}
catch (PipelineException e)
{
    foreach (var error in e.Errors) Console.Error.WriteLine($"error: {error}");
    return 2;
}
catch (InputException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (PluginLoadException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (RunFailedException e) when (e.InnerException is OperationCanceledException)
{
    var by = StopSignals.ReceivedName is { } signal ? $" ({signal})" : "";
    Console.Error.WriteLine($"cancelled{by}; partial results are in {e.RunDirectory} (lstmfcn run --resume {e.RunDirectory} continues)");
    return StopSignals.ExitCode;
}
catch (RunFailedException e)
{
    Console.Error.WriteLine($"error: {e.InnerException!.Message}");
    Console.Error.WriteLine($"The run directory keeps the log: {e.RunDirectory}");
    return 1;
}
catch (RunDirectoryException e)
{
    // Before the run could start (or record that it failed): the folder it would write, or writes, refused.
    Console.Error.WriteLine($"error: {e.Message}");
    foreach (var directory in RunDirectoryLock.HeldDirectories) Console.Error.WriteLine($"Run directory: {directory}");
    return 1;
}
catch (Exception e)
{
    return UnexpectedFailure.Report(e);
}
