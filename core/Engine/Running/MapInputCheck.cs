using LstmFcn.Pipeline.Engine.Evaluation;
using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Engine.Plugins;

namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>
/// Before a saved model maps anything: every map verb that can check its input against the model does so, with no
/// run directory yet, so a cube with a missing date or band fails as a pipeline error (exit 2) and leaves nothing.
/// </summary>
static class MapInputCheck
{
    public static void Require(ResolvedPipeline pipeline, PluginCatalog catalog, RunOptions options)
    {
        var checks = pipeline.Map.Where(m => m.Plugin is IChecksMapInput).ToList();
        if (pipeline.Loader is not null || pipeline.ModelFrom is null || checks.Count == 0) return;
        using var log = new RunLog(null, SilentConsole.Instance);
        var context = new RunContext(pipeline.Definition.Seed, pipeline.Definition.Device, Path.GetTempPath(), log, options.Progress,
            RefusingArtifacts.Instance, options.Cancellation) { Threads = pipeline.Definition.Threads };
        using var model = new SavedModelSource(pipeline.ModelFrom, catalog).Obtain(new TimeSeriesDataset([], new ClassLabels([])), context, log);
        var errors = new List<PipelineError>();
        foreach (var step in checks)
        {
            try
            {
                ((IChecksMapInput)step.Plugin).CheckInput(model, step.Arguments, context);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException)
            {
                errors.Add(new PipelineError(step.Definition.Location, $"{step.Definition.Section} ({step.Plugin.Name}): {e.Message}"));
            }
        }
        if (errors.Count > 0) throw new PipelineException(errors);
    }

    /// <summary>The check writes nothing: a verb that tries is a bug, not a file in some folder.</summary>
    sealed class RefusingArtifacts : IArtifactWriter
    {
        public static readonly RefusingArtifacts Instance = new();
        public string PathOf(string relativePath) => throw Refused(relativePath);
        public void WriteText(string relativePath, string content) => throw Refused(relativePath);
        public void Write(string relativePath, Action<Stream> write) => throw Refused(relativePath);
        static InvalidOperationException Refused(string name) => new($"a map input check tried to write {name}; checks write nothing");
    }
}
