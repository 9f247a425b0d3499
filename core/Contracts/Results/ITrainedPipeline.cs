namespace LstmFcn.Pipeline;

/// <summary>A trained pipeline: its fitted preprocessing steps followed by its model.</summary>
public interface ITrainedPipeline
{
    ClassLabels Classes { get; }
    /// <summary>Applies the fitted preprocessing (the evaluation transform, never the training one).</summary>
    TimeSeriesDataset Prepare(TimeSeriesDataset raw);
    /// <summary>Prepare, then the model's class probabilities.</summary>
    ProbabilityMatrix PredictProbabilities(TimeSeriesDataset raw, RunContext context);
    /// <summary>
    /// A digest of everything that decides predictions (model files, preprocessing state, arguments), so derived
    /// results such as finished map blocks can tell whether they came from this very pipeline.
    /// </summary>
    string Fingerprint { get; }

    /// <summary>
    /// What predicting raw series of this shape holds beyond them: the preprocessing's copies and the model's own
    /// footprint (<see cref="IInferenceFootprint"/>, or an assumed one).
    /// </summary>
    InferenceFootprint FootprintFor(int channels, int length);

    /// <summary>The shape of the training data (bands, dates, lengths); null for models saved before it was recorded.</summary>
    TrainingInput? Input { get; }
}
