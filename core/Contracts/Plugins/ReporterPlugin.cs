namespace LstmFcn.Pipeline;

/// <summary>A reporter plugin whose parameters are the options record <typeparamref name="TOptions"/> (see <see cref="PluginOptions"/>).</summary>
public abstract class ReporterPlugin<TOptions> : IReporterPlugin, IChecksArguments where TOptions : PluginOptions, new()
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public IReadOnlyList<ParameterSpec> Parameters => OptionsSchema<TOptions>.Parameters;
    public IEnumerable<OptionProblem> Check(PluginArguments arguments) => OptionsSchema<TOptions>.Check(arguments);

    public void Report(RunOutcome outcome, PluginArguments args, RunContext context) =>
        Report(outcome, OptionsSchema<TOptions>.Bind(args), context);

    protected abstract void Report(RunOutcome outcome, TOptions options, RunContext context);
}
