namespace LstmFcn.Pipeline;

/// <summary>
/// A model plugin whose parameters are the options record <typeparamref name="TOptions"/>: declarations, defaults,
/// binding and cross-parameter checks all come from that one record (see <see cref="PluginOptions"/>).
/// </summary>
public abstract class ModelPlugin<TOptions> : IModelPlugin, IChecksArguments where TOptions : PluginOptions, new()
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public IReadOnlyList<ParameterSpec> Parameters => OptionsSchema<TOptions>.Parameters;
    public IEnumerable<OptionProblem> Check(PluginArguments arguments) => OptionsSchema<TOptions>.Check(arguments);

    public ITrainedModel Fit(TimeSeriesDataset train, PluginArguments args, RunContext context) =>
        Fit(train, OptionsSchema<TOptions>.Bind(args), context);

    protected abstract ITrainedModel Fit(TimeSeriesDataset train, TOptions options, RunContext context);

    public abstract ITrainedModel Load(string directory, RunContext context);
}
