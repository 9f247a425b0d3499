using System.Text;
using System.Text.Json;
using LstmFcn.Pipeline.Cli.Terminal;
using LstmFcn.Pipeline.Engine.Models;
using LstmFcn.Pipeline.Files;
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

/// <summary>
/// What a classify command asks for — model, cube and map options — so that every worker of a sharded job and the
/// merge that follows them run the same pipeline. Recorded as <c>DIR/classify.json</c> by each worker.
/// </summary>
public sealed record ClassifyJob(string Model, string Cube, List<string> With, string? Roi, bool Smooth, string? Uncertainty, string? Sits = null)
{
    public const string FileName = "classify.json";

    /// <summary>What a model trained on cube points tells about the cubes it classifies: how their files are named and scaled.</summary>
    static readonly string[] CubeNaming = ["pattern", "date_format", "extension", "scale", "offset"];

    public int Shards { get; init; } = 1;

    public static ClassifyJob From(CommandLine cl)
    {
        var uncertainty = cl.Options.GetValueOrDefault("--uncertainty");
        if (uncertainty is not (null or "entropy" or "least" or "margin"))
            throw new UsageException($"--uncertainty must be entropy, least or margin; found '{uncertainty}'");
        return new ClassifyJob(Path.GetFullPath(cl.Positional[0]), CubeCommand.IsRemote(cl.Positional[1]) ? cl.Positional[1] : Path.GetFullPath(cl.Positional[1]), cl.WithArguments.ToList(),
            cl.Options.GetValueOrDefault("--roi"), cl.Options.ContainsKey("--smooth"), uncertainty, SitsNames(cl.Options.GetValueOrDefault("--sits")));
    }

    /// <summary>--sits SATELLITE,SENSOR,TILE: the fields of sits' file names for cube-export.</summary>
    static string? SitsNames(string? text) =>
        text is null || text.Split(',').Length == 3 ? text : throw new UsageException($"--sits {text}: expected SATELLITE,SENSOR,TILE, e.g. --sits MODIS,TERRA,012010");

    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes DIR/classify.json, or checks that the one there asks for the same job.</summary>
    public void Record(string folder, int shards)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var mine = this with { Shards = shards };
        if (File.Exists(path))
        {
            var recorded = Read(folder);
            if (JsonSerializer.Serialize(recorded) != JsonSerializer.Serialize(mine))
                throw new UsageException($"{path}: records another job ({recorded.Model} on {recorded.Cube}, {recorded.Shards} shards, " +
                                         $"--with {string.Join(" ", recorded.With)}); give this one its own --output folder");
            return;
        }
        AtomicFile.WriteText(path, JsonSerializer.Serialize(mine, Indented), unique: true);
    }

    public static ClassifyJob Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new UsageException($"{folder}: no {FileName}; it is written by the workers of lstmfcn classify --shard I/N --output {folder}");
        try
        {
            return JsonSerializer.Deserialize<ClassifyJob>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a classify job ({e.Message})", e);
        }
    }

    /// <summary>
    /// The pipeline, as YAML (values written as JSON, which YAML reads as they are). A worker runs cube-classify on its
    /// shard only; the merge (<paramref name="assembleShards"/>) and a whole run add the later verbs.
    /// </summary>
    public string PipelineText(string model, SavedLoader? loader, string output, (int Index, int Count)? shard, int? assembleShards)
    {
        var classify = new Dictionary<string, object?> { ["cube"] = Cube };
        if (loader is { Plugin: "cube-points" })
            foreach (var key in CubeNaming)
                if (loader.Arguments.TryGetValue(key, out var value) && value is not null) classify[key] = value;
        var name = $"classify-{Path.GetFileName(Cube.TrimEnd('/'))}";
        var runsIn = output;
        if (shard is { } s)
        {
            classify["block_store"] = Path.Combine(output, "blocks");
            classify["shard"] = s.Index;
            classify["shards"] = s.Count;
            name = $"shard-{s.Index}-of-{s.Count}";
            runsIn = Path.Combine(output, "shards");
        }
        else if (assembleShards is { } n)
        {
            classify["block_store"] = Path.Combine(output, "blocks");
            classify["assemble"] = true;
            classify["shards"] = n;
        }
        var from = Smooth ? "smoothed" : "probabilities";
        var text = new StringBuilder();
        text.AppendLine($"name: {Json(name)}");
        text.AppendLine($"model: {{from: {Json(model)}}}");
        text.AppendLine("map:");
        text.AppendLine($"  - {{plugin: cube-classify, with: {Json(classify)}}}");
        if (shard is null)
        {
            if (Smooth) text.AppendLine("  - cube-smooth");
            text.AppendLine($"  - {{plugin: cube-label, with: {{from: {from}}}}}");
            if (Uncertainty is not null) text.AppendLine($"  - {{plugin: cube-uncertainty, with: {{type: {Uncertainty}, from: {from}}}}}");
            if (Sits?.Split(',') is [var satellite, var sensor, var tile])
                text.AppendLine($"  - {{plugin: cube-export, with: {{satellite: {Json(satellite)}, sensor: {Json(sensor)}, tile: {Json(tile)}}}}}");
        }
        text.AppendLine($"output: {Json(runsIn)}");
        return text.ToString();
    }

    static string Json(object? value) => JsonSerializer.Serialize(value);
}
