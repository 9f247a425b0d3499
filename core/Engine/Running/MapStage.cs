using LstmFcn.Pipeline.Engine.Evaluation;
using LstmFcn.Pipeline.Engine.Models;
using LstmFcn.Pipeline.Engine.Outputs;
using LstmFcn.Pipeline.Engine.Pipelines;

namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>
/// Runs a pipeline's <c>map:</c> verbs in order on the run's kept pipeline, in the run's <c>map/</c> folder (maps
/// are outputs of the run, so they go nowhere else); the order was checked when the pipeline was resolved.
/// </summary>
static class MapStage
{
    public const string Folder = "map";

    public static void Run(IReadOnlyList<ResolvedStep<IMapPlugin>> steps, FittedPipeline pipeline, string pipelineName, RunDirectory dir,
        RunContext context, StageTimings timings)
    {
        var folder = dir.PathOf(Folder);
        Directory.CreateDirectory(folder);
        var input = new MapStageInput(pipeline, folder, pipelineName);
        foreach (var step in steps)
        {
            context.Log.Info($"Map: {step.Plugin.Name}");
            step.Plugin.Run(input, step.Arguments, context);
            timings.Lap($"map_{step.Plugin.Name}_s");
            context.Cancellation.ThrowIfCancellationRequested();
        }
    }
}
