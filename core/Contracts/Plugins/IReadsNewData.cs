namespace LstmFcn.Pipeline;

/// <summary>
/// Optional capability of a loader: reads series to predict from files or folders the user names, with the settings
/// a model was trained with (<c>lstmfcn predict</c>). Labels are optional: series without one are
/// <see cref="TimeSeriesSample.Unlabelled"/>; labels found are named in the dataset's classes as read (the engine
/// matches them to the model's classes by name).
/// </summary>
public interface IReadsNewData
{
    TimeSeriesDataset ReadNew(string source, PluginArguments args, RunContext context);
}
