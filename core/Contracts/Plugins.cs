namespace LstmFcn.Pipeline;

public enum PluginKind { Loader, Preprocessor, Model, Reporter }

/// <summary>
/// What every plugin declares. A plugin class needs a public parameterless constructor; the host finds it by scanning
/// the plugin assembly for non-abstract implementations of the kind interfaces below.
/// </summary>
public interface IPlugin
{
    /// <summary>The name pipelines use in <c>plugin:</c>, lower-case with dashes (e.g. <c>ucr</c>, <c>znorm</c>).</summary>
    string Name { get; }
    string Description { get; }
    IReadOnlyList<ParameterSpec> Parameters { get; }
}

/// <summary>Reads train and test data.</summary>
public interface ILoaderPlugin : IPlugin
{
    DatasetSplit Load(PluginArguments args, RunContext context);
}

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

public interface IFittedPreprocessor
{
    TimeSeriesDataset Transform(TimeSeriesDataset data);

    /// <summary>
    /// The transform of the training set only, where it may differ from <see cref="Transform"/>: random crops,
    /// augmentation with noisy copies, oversampling. The engine calls it once on the data a model is fitted on;
    /// test data, folds held out and new data always go through <see cref="Transform"/>.
    /// </summary>
    TimeSeriesDataset TransformTraining(TimeSeriesDataset train, RunContext context) => Transform(train);

    /// <summary>What must be stored with a model to apply this transform again (e.g. learned means and deviations).</summary>
    IReadOnlyDictionary<string, string> State { get; }
}

/// <summary>A model estimator: <see cref="Fit"/> trains; <see cref="Load"/> restores what a trained model saved.</summary>
public interface IModelPlugin : IPlugin
{
    ITrainedModel Fit(TimeSeriesDataset train, PluginArguments args, RunContext context);
    ITrainedModel Load(string directory, RunContext context);
}

public interface ITrainedModel : IDisposable
{
    ClassLabels Classes { get; }

    /// <summary>Class probabilities for every sample, in the order of <paramref name="data"/>.</summary>
    ProbabilityMatrix PredictProbabilities(TimeSeriesDataset data, RunContext context);

    /// <summary>Writes everything needed to <see cref="IModelPlugin.Load"/> the model again into a folder.</summary>
    void Save(string directory);

    /// <summary>Per-epoch figures for iterative learners; empty for others.</summary>
    TrainingHistory History { get; }
}

/// <summary>Writes metrics, tables, plots or files about a finished run.</summary>
public interface IReporterPlugin : IPlugin
{
    void Report(RunOutcome outcome, PluginArguments args, RunContext context);
}
