using LstmFcn.Pipeline.Engine.Models;

namespace LstmFcn.Pipeline.Engine.Evaluation;

/// <summary>Fits the pipeline's recipe on the training data it is given.</summary>
public sealed class TrainingSource(ModelRecipe recipe) : IPipelineSource
{
    public bool Trains => true;

    public FittedPipeline Obtain(TimeSeriesDataset train, RunContext context, IRunLog log) => FittedPipeline.Fit(recipe, train, context, log);
}
