using LstmFcn.Pipeline.Engine.Models;
using LstmFcn.Pipeline.Engine.Plugins;

namespace LstmFcn.Pipeline.Engine.Evaluation;

/// <summary>A saved model folder (<c>model: {from: …}</c>): loaded once, whatever the training data.</summary>
public sealed class SavedModelSource(string folder, PluginCatalog catalog) : IPipelineSource
{
    public bool Trains => false;

    public FittedPipeline Obtain(TimeSeriesDataset train, RunContext context, IRunLog log)
    {
        var pipeline = FittedPipeline.Load(folder, catalog, context);
        log.Info($"Loaded saved {pipeline.Identity.Plugin} model from {folder}");
        return pipeline;
    }
}
