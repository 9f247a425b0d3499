namespace LstmFcn.Pipeline;

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
