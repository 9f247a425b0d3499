namespace LstmFcn.Pipeline;

/// <summary>A preprocessing plugin whose parameters are the options record <typeparamref name="TOptions"/> (see <see cref="PluginOptions"/>).</summary>
public abstract class PreprocessorPlugin<TOptions> : IPreprocessorPlugin, IChecksArguments where TOptions : PluginOptions, new()
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public IReadOnlyList<ParameterSpec> Parameters => OptionsSchema<TOptions>.Parameters;
    public IEnumerable<OptionProblem> Check(PluginArguments arguments) => OptionsSchema<TOptions>.Check(arguments);

    public IFittedPreprocessor Fit(TimeSeriesDataset train, PluginArguments args, RunContext context) =>
        Fit(train, OptionsSchema<TOptions>.Bind(args), context);

    public IFittedPreprocessor Restore(IReadOnlyDictionary<string, string> state, PluginArguments args) =>
        Restore(state, OptionsSchema<TOptions>.Bind(args));

    protected abstract IFittedPreprocessor Fit(TimeSeriesDataset train, TOptions options, RunContext context);

    /// <summary>The fitted transform again from the <see cref="IFittedPreprocessor.State"/> it saved.</summary>
    protected abstract IFittedPreprocessor Restore(IReadOnlyDictionary<string, string> state, TOptions options);
}
