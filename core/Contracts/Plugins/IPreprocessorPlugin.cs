namespace LstmFcn.Pipeline;

/// <summary>
/// A preprocessing estimator: learns what it needs from the training set (<see cref="Fit"/>) and returns the
/// transform that is applied to train, test and later to new data. Stateless steps learn nothing and still fit.
/// </summary>
public interface IPreprocessorPlugin : IPlugin
{
    IFittedPreprocessor Fit(TimeSeriesDataset train, PluginArguments args, RunContext context);

    /// <summary>Rebuilds a fitted transform from the state it saved, e.g. when a saved model predicts new data.</summary>
    IFittedPreprocessor Restore(IReadOnlyDictionary<string, string> state, PluginArguments args);
}
