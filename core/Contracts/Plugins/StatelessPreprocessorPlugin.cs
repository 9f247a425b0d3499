namespace LstmFcn.Pipeline;

/// <summary>
/// A preprocessing step that learns nothing from the training set (z-normalising each series, appending differences):
/// it only says how it transforms data; fitting, restoring and its empty saved state come from here.
/// </summary>
public abstract class StatelessPreprocessorPlugin<TOptions> : PreprocessorPlugin<TOptions> where TOptions : PluginOptions, new()
{
    /// <summary>The transform of <paramref name="data"/> (train, test and new data alike).</summary>
    protected abstract TimeSeriesDataset Transform(TimeSeriesDataset data, TOptions options);

    protected sealed override IFittedPreprocessor Fit(TimeSeriesDataset train, TOptions options, RunContext context) =>
        new StatelessTransform(data => Transform(data, options));

    protected sealed override IFittedPreprocessor Restore(IReadOnlyDictionary<string, string> state, TOptions options) =>
        new StatelessTransform(data => Transform(data, options));

    sealed class StatelessTransform(Func<TimeSeriesDataset, TimeSeriesDataset> transform) : IFittedPreprocessor
    {
        static readonly IReadOnlyDictionary<string, string> NoState = new Dictionary<string, string>();
        public TimeSeriesDataset Transform(TimeSeriesDataset data) => transform(data);
        public IReadOnlyDictionary<string, string> State => NoState;
    }
}
