namespace LstmFcn.Pipeline;

/// <summary>Writes metrics, tables, plots or files about a finished run.</summary>
public interface IReporterPlugin : IPlugin
{
    void Report(RunOutcome outcome, PluginArguments args, RunContext context);
}
