namespace LstmFcn.Pipeline;

/// <summary>A loader plugin whose parameters are the options record <typeparamref name="TOptions"/> (see <see cref="PluginOptions"/>).</summary>
public abstract class LoaderPlugin<TOptions> : ILoaderPlugin, IChecksArguments where TOptions : PluginOptions, new()
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public IReadOnlyList<ParameterSpec> Parameters => OptionsSchema<TOptions>.Parameters;
    public IEnumerable<OptionProblem> Check(PluginArguments arguments) => OptionsSchema<TOptions>.Check(arguments);

    public DatasetSplit Load(PluginArguments args, RunContext context) => Load(OptionsSchema<TOptions>.Bind(args), context);

    protected abstract DatasetSplit Load(TOptions options, RunContext context);
}
