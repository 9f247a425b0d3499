using LstmFcn.Pipeline.Engine.Models;

namespace LstmFcn.Pipeline.Engine.Evaluation;

/// <summary>
/// The loader's split: one pipeline fitted on the training set (or the saved one applied), kept, and scored on the
/// test set. Test labels are matched to the model's classes by name, never by position.
/// </summary>
public sealed class Holdout : IEvaluationStrategy
{
    public string Name => "holdout";

    public EvaluationResult Evaluate(EvaluationInput input)
    {
        var (train, test) = input.Data;
        var pipeline = input.Source.Obtain(train, input.Context, input.Log);
        try
        {
            var fit = input.Timings.Lap(input.Source.Trains ? "fit_s" : "load_model_s");
            input.Keep(pipeline);
            var preparedTrain = pipeline.Prepare(train);
            test = LabelAlignment.ToClasses(test, pipeline.Classes, input.Log);
            if (test.Count == 0)
            {
                // Nothing to score, but reporters may still have work (e.g. classifying a raster cube with the model).
                input.Log.Warn("The test set is empty: nothing to predict or score.");
                input.Timings.Lap("predict_s");
                return new EvaluationResult(preparedTrain, pipeline.Prepare(test), new ProbabilityMatrix([], 0, pipeline.Classes), [], pipeline,
                    TimeSpan.FromSeconds(fit), TimeSpan.Zero);
            }
            var prediction = pipeline.Predict(test, input.Context, withMembers: true);
            if (prediction.PreparedRows != prediction.Series.Count)
                input.Log.Info($"Averaged the predictions of {prediction.PreparedRows} windows into {prediction.Series.Count} series");
            var predict = input.Timings.Lap("predict_s");
            return new EvaluationResult(preparedTrain, prediction.Series, prediction.Probabilities, prediction.Members, pipeline,
                TimeSpan.FromSeconds(fit), TimeSpan.FromSeconds(predict));
        }
        catch
        {
            pipeline.Dispose();
            throw;
        }
    }
}
