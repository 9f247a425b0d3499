namespace LstmFcn.Pipeline;

/// <summary>A model estimator: <see cref="Fit"/> trains; <see cref="Load"/> restores what a trained model saved.</summary>
public interface IModelPlugin : IPlugin
{
    ITrainedModel Fit(TimeSeriesDataset train, PluginArguments args, RunContext context);
    ITrainedModel Load(string directory, RunContext context);
}
