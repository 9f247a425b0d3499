using LstmFcn.Pipeline.Engine.Naming;
using LstmFcn.Pipeline.Cli;
using LstmFcn.Pipeline.Cli.Commands;
using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Engine.Plugins;
using LstmFcn.Pipeline.Engine.Running;

// Exit codes: 0 success, 1 the run failed, 2 bad input (pipeline, plugin, usage), 130 cancelled.
try
{
    var cl = CommandLine.Parse(args);
    if (cl.Options.ContainsKey("--help")) return HelpCommand.Execute();
    return cl.Verb switch
    {
        "run" => RunCommand.Execute(cl),
        "predict" => PredictCommand.Execute(cl),
        "validate" => ValidateCommand.Execute(cl),
        "plugins" => PluginsCommand.Execute(cl),
        "bench" => BenchCommand.Execute(cl),
        "reproduce" => ReproduceCommand.Execute(cl),
        "compare" => CompareCommand.Execute(cl),
        "help" or "--help" or "-h" => HelpCommand.Execute(),
        "--version" or "version" => VersionCommand.Execute(),
        _ => throw new UsageException($"unknown command '{cl.Verb}'; {NameSuggestions.Hint(cl.Verb, new[] { "run", "predict", "validate", "plugins", "bench", "reproduce", "compare", "help", "version" })}")
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
catch (PluginLoadException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (RunFailedException e) when (e.InnerException is OperationCanceledException)
{
    Console.Error.WriteLine($"cancelled; partial results are in {e.RunDirectory}");
    return 130;
}
catch (RunFailedException e)
{
    Console.Error.WriteLine($"error: {e.InnerException!.Message}");
    Console.Error.WriteLine($"The run directory keeps the log: {e.RunDirectory}");
    return 1;
}
