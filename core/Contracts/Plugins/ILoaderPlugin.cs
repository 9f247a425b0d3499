namespace LstmFcn.Pipeline;

/// <summary>Reads train and test data.</summary>
public interface ILoaderPlugin : IPlugin
{
    DatasetSplit Load(PluginArguments args, RunContext context);
}
