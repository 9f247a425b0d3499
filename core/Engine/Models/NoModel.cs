namespace LstmFcn.Pipeline.Engine.Models;

/// <summary>
/// Stands in for the model of a cross-validation run without a final fit: reporters see its classes; anything that
/// would predict with it learns there is no single model.
/// </summary>
sealed class NoModel : ITrainedModel
{
    NoModel(ClassLabels classes) => Classes = classes;
    public static NoModel Instance(ClassLabels classes) => new(classes);
    public ClassLabels Classes { get; }
    public TrainingHistory History => TrainingHistory.Empty;
    public ProbabilityMatrix PredictProbabilities(TimeSeriesDataset data, RunContext context) =>
        throw new InvalidOperationException("this cross-validation run kept no model (evaluate.final_fit: false)");
    public void Save(string directory) =>
        throw new InvalidOperationException("this cross-validation run kept no model (evaluate.final_fit: false)");
    public void Dispose() { }
}
