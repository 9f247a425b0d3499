using LstmFcn.Pipeline.Engine.Models;

namespace LstmFcn.Pipeline.Engine.Evaluation;

/// <summary>Where a strategy's fitted pipelines come from: fitted on the training data it is given, or a saved model.</summary>
public interface IPipelineSource
{
    /// <summary>Whether <see cref="Obtain"/> learns from its data (false: a saved model, the same whatever the data).</summary>
    bool Trains { get; }

    FittedPipeline Obtain(TimeSeriesDataset train, RunContext context, IRunLog log);
}
