namespace LstmFcn.Pipeline.Engine.Evaluation;

/// <summary>
/// How a run's predictions are obtained and judged: a hold-out test set, k-fold cross-validation, … Each strategy
/// fits (or loads) pipelines as it needs and returns what it scored; the run's shared tail then writes predictions,
/// scores and history and calls the reporters, whatever the strategy.
/// </summary>
public interface IEvaluationStrategy
{
    /// <summary>What run.json, metrics and reports call it: "holdout", "5-fold cv".</summary>
    string Name { get; }

    EvaluationResult Evaluate(EvaluationInput input);
}
