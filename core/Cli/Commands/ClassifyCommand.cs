using LstmFcn.Pipeline.Cli.Terminal;
using LstmFcn.Pipeline.Engine.Models;
using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Engine.Running;

namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary>
/// <c>lstmfcn classify MODEL CUBE [--output DIR] [--with KEY=VALUE]… [--roi …] [--smooth] [--uncertainty TYPE]
/// [--shard I/N]</c>: a saved model's map stage without a training part (sits_classify → sits_smooth →
/// sits_label_classification). It is a pipeline like any other — <c>model: {from: MODEL}</c> and a <c>map:</c> stage —
/// resolved and checked the same way, run in its own run directory (so <c>lstmfcn run --resume</c> finishes an
/// interrupted one). A model trained on cube points lends the cube's file naming and scaling; <c>--with</c> sets any
/// cube-classify parameter. With a shard (given, or from a cluster's array variables) it classifies only that
/// shard's blocks into <c>DIR/blocks</c>; <c>lstmfcn merge DIR</c> then assembles the maps.
/// </summary>
static class ClassifyCommand
{
    public const string Usage = "usage: lstmfcn classify MODEL CUBE [--output DIR] [--with KEY=VALUE]... [--roi XMIN,YMIN,XMAX,YMAX|POLYGONS.geojson] [--smooth] [--uncertainty entropy|least|margin] [--sits SATELLITE,SENSOR,TILE] [--shard I/N]";

    public static int Execute(CommandLine cl)
    {
        if (cl.Positional.Count != 2) throw new UsageException(Usage);
        var job = ClassifyJob.From(cl);
        var shard = ShardAssignment.Of(cl);
        var output = Path.GetFullPath(cl.Options.GetValueOrDefault("--output") ?? "runs");
        if (shard is { } s)
        {
            if (!cl.Options.ContainsKey("--output")) throw new UsageException("--shard needs --output DIR: the folder every worker of the job shares");
            job.Record(output, s.Count);
        }
        return Run(cl, job, output, shard, assemble: false);
    }

    /// <summary>Resolves and runs the job's pipeline: whole, as one shard's worker, or as the merge of all shards.</summary>
    public static int Run(CommandLine cl, ClassifyJob job, string output, (int Index, int Count)? shard, bool assemble, int shards = 1)
    {
        var modelFolder = NewDataPrediction.ModelFolderOf(job.Model);
        var loader = SavedModelManifest.Read(modelFolder).Loader;
        var text = job.PipelineText(modelFolder, loader, output, shard, assemble ? shards : null);
        var document = PipelineDocument.Parse(Path.Combine(Environment.CurrentDirectory, "(lstmfcn classify)"), new StringReader(text));
        foreach (var assignment in job.With) document.ApplyOverride($"map.0.with.{assignment}", $"--with {assignment}");
        // --roi FILE: polygons (GeoJSON); --roi x0,y0,x1,y1: a box.
        if (job.Roi is { } roi)
            document.ApplyOverride(File.Exists(roi) ? $"map.0.with.roi_polygon={Path.GetFullPath(roi)}" : $"map.0.with.roi=[{roi}]", $"--roi {roi}");
        foreach (var assignment in cl.Overrides) document.ApplyOverride(assignment);
        var catalog = PipelineLoading.Catalog(cl);
        var pipeline = PipelineResolver.Resolve(PipelineReader.Read(document), catalog);

        using var cancel = StopSignals.Listen();
        var runner = new PipelineRunner(catalog);
        var result = CommandConsole.Run(cl, cancel.Token, options => runner.Run(pipeline, options));
        Console.WriteLine(result.RunDirectory);
        return 0;
    }
}
