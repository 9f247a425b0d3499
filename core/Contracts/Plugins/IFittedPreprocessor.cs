namespace LstmFcn.Pipeline;

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
