using LstmFcn.Pipeline.Engine.Pipelines;

namespace LstmFcn.Pipeline.Engine.Models;

/// <summary>A preprocessing step fitted on some training data, with what is needed to save it.</summary>
public sealed record FittedStep(IPreprocessorPlugin Plugin, PluginArguments Arguments, IFittedPreprocessor Transform)
{
    /// <summary>
    /// Fits the steps in order, each on the training set as the previous one transformed it for training; returns them
    /// with the prepared training set. <paramref name="fitted"/> hears of each step and what it made.
    /// </summary>
    public static (List<FittedStep> Steps, TimeSeriesDataset Train) FitAll(IEnumerable<ResolvedStep<IPreprocessorPlugin>> steps,
        TimeSeriesDataset train, RunContext context, Action<FittedStep, TimeSeriesDataset>? fitted = null)
    {
        var result = new List<FittedStep>();
        foreach (var step in steps)
        {
            var transform = step.Plugin.Fit(train, step.Arguments, context);
            train = transform.TransformTraining(train, context);
            var done = new FittedStep(step.Plugin, step.Arguments, transform);
            result.Add(done);
            fitted?.Invoke(done, train);
            context.Cancellation.ThrowIfCancellationRequested();
        }
        return (result, train);
    }

    /// <summary>The evaluation transform of every step in order (test data, held-out folds, new data).</summary>
    public static TimeSeriesDataset Apply(IEnumerable<FittedStep> steps, TimeSeriesDataset data)
    {
        foreach (var step in steps) data = step.Transform.Transform(data);
        return data;
    }
}
