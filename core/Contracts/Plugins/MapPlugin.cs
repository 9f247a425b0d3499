namespace LstmFcn.Pipeline;

/// <summary>A map verb whose parameters are the options record <typeparamref name="TOptions"/> (see <see cref="PluginOptions"/>).</summary>
public abstract class MapPlugin<TOptions> : IMapPlugin, IChecksArguments where TOptions : PluginOptions, new()
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public IReadOnlyList<ParameterSpec> Parameters => OptionsSchema<TOptions>.Parameters;
    public IEnumerable<OptionProblem> Check(PluginArguments arguments) => OptionsSchema<TOptions>.Check(arguments);

    public IReadOnlyList<string> Reads(PluginArguments args) => Reads(Lenient(args));
    public IReadOnlyList<string> Writes(PluginArguments args) => Writes(Lenient(args));
    public void Run(MapStageInput input, PluginArguments args, RunContext context) => Run(input, OptionsSchema<TOptions>.Bind(args), context);

    /// <summary>
    /// The options for the stage-order check, which runs beside the argument checks: arguments with problems (reported
    /// there, at their positions) count as the defaults here rather than stopping the check.
    /// </summary>
    static TOptions Lenient(PluginArguments args)
    {
        try { return OptionsSchema<TOptions>.Bind(args); }
        catch (ArgumentException) { return new TOptions { Step = args.StepName }; }
    }

    protected abstract IReadOnlyList<string> Reads(TOptions options);
    protected abstract IReadOnlyList<string> Writes(TOptions options);
    protected abstract void Run(MapStageInput input, TOptions options, RunContext context);
}
