using System.Text;
using System.Text.Json;
using LstmFcn.Pipeline.Engine.Models;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Pipeline.Cli.Commands;

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
