using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LstmFcn.Pipeline.Comparison;

/// <summary>What <c>compare</c> needs of one finished run: its dataset, its model and its scores.</summary>
public sealed record RunRecord(
    string Directory,
    string Dataset,
    string ModelPlugin,
    IReadOnlyDictionary<string, string> ModelArguments,
    double Accuracy,
    double PerClassError,
    int Classes,
    DateTime Started)
{
    /// <summary>
    /// An ensemble run's members as runs of their own (for <c>compare --members</c>): model "lstm-fcn" with argument
    /// <c>member-of</c> = the ensemble's model, the member's accuracy; their per-class error is not recorded, so it is
    /// taken as (1 − accuracy) / classes.
    /// </summary>
    public IReadOnlyList<RunRecord> Members { get; init; } = [];

    /// <summary>
    /// Reads a run directory: run.json (status, dataset, start), scores.json (accuracy, per-class error; see
    /// <see cref="RunScores"/>) and
    /// pipeline.resolved.yaml (model plugin and arguments). Returns null with a reason for runs that did not succeed
    /// or were not scored; throws <see cref="InvalidDataException"/> naming the file and field when a file is malformed
    /// in any way (not JSON or YAML, the wrong shape, a tag, aliases that expand beyond reason, unreadable).
    /// </summary>
    public static RunRecord? Read(string directory, out string? skipReason)
    {
        skipReason = null;
        var runJson = Path.Combine(directory, "run.json");
        if (!File.Exists(runJson)) { skipReason = "no run.json (not a run directory)"; return null; }
        using var run = Parse(runJson);
        var status = Text(run.RootElement, "status", runJson);
        if (status != "succeeded") { skipReason = $"status '{status}'"; return null; }
        var scores = RunScores.Read(directory, out var missing);
        if (scores is null) { skipReason = missing; return null; }
        double accuracy = scores.Accuracy;
        int classes = scores.Classes;
        double perClassError = scores.PerClassError ?? (1 - accuracy) / classes;

        var resolvedPath = Path.Combine(directory, "pipeline.resolved.yaml");
        if (!File.Exists(resolvedPath)) throw new InvalidDataException($"{resolvedPath}: missing (every run writes it)");
        var root = ReadYaml(resolvedPath);

        string modelPlugin;
        var arguments = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var flatten = new Flattener(resolvedPath);
        if (Child(root, "model") is YamlMappingNode model && Child(model, "plugin") is YamlScalarNode plugin)
        {
            modelPlugin = plugin.Value ?? throw new InvalidDataException($"{resolvedPath}: model.plugin is empty");
            if (Child(model, "with") is YamlMappingNode with)
                foreach (var (key, value) in with.Children)
                    arguments[key is YamlScalarNode { Value: { } parameter } ? parameter
                        : throw new InvalidDataException($"{resolvedPath}: model.with has a key that is not a name")] = flatten.Text(value);
        }
        else
        {
            // A saved model applied to new data: the model is the folder it came from.
            modelPlugin = run.RootElement.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "saved model";
            if (Child(root, "model") is YamlMappingNode saved && Child(saved, "from") is YamlScalarNode from) arguments["from"] = from.Value ?? "";
        }

        var dataset = run.RootElement.TryGetProperty("dataset", out var d) && d.ValueKind == JsonValueKind.String && d.GetString() is { Length: > 0 } name
            ? name : DatasetFromLoader(root) ?? Text(run.RootElement, "pipeline", runJson);
        var started = run.RootElement.TryGetProperty("started_utc", out var s) && s.ValueKind == JsonValueKind.String && s.TryGetDateTime(out var t)
            ? t : DateTime.MinValue;
        var record = new RunRecord(Path.GetFullPath(directory), dataset, modelPlugin, arguments, accuracy, perClassError, classes, started);
        return record with
        {
            Members = scores.Members.Select(m => new RunRecord(record.Directory, dataset, MemberPlugin(m.Model),
                new SortedDictionary<string, string>(StringComparer.Ordinal) { ["member-of"] = modelPlugin },
                m.Accuracy, (1 - m.Accuracy) / classes, classes, started)).ToList(),
        };
    }

    /// <summary>"2-minirocket" (the member's folder) → "minirocket".</summary>
    static string MemberPlugin(string folder)
    {
        int dash = folder.IndexOf('-');
        return dash > 0 && folder[..dash].All(char.IsAsciiDigit) ? folder[(dash + 1)..] : folder;
    }

    /// <summary>The files of a run are small (metrics of a thousand classes are a few MB); a larger one is not a run's.</summary>
    const long MaxFileBytes = 64L << 20;

    static YamlMappingNode ReadYaml(string path)
    {
        var yaml = new YamlStream();
        try
        {
            var text = ReadText(path);
            RefuseDeepNesting(path, text);
            yaml.Load(new StringReader(text));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // InvalidOperationException: YamlDotNet's scanner on some unclosed brackets.
            throw new InvalidDataException($"{path}: not a YAML pipeline ({e.Message})", e);
        }
        return (yaml.Documents.Count > 0 ? yaml.Documents[0].RootNode as YamlMappingNode : null)
               ?? throw new InvalidDataException($"{path}: expected a mapping at the top");
    }

    /// <summary>Nesting deeper than any pipeline would overflow the stack of the tree loader, which recurses per level.</summary>
    static void RefuseDeepNesting(string path, string text)
    {
        const int MaxDepth = 64;
        var parser = new Parser(new StringReader(text));
        int depth = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is YamlDotNet.Core.Events.SequenceStart or YamlDotNet.Core.Events.MappingStart && ++depth > MaxDepth)
                throw new InvalidDataException($"{path}: nested more than {MaxDepth} levels deep (line {parser.Current!.Start.Line})");
            if (parser.Current is YamlDotNet.Core.Events.SequenceEnd or YamlDotNet.Core.Events.MappingEnd) depth--;
        }
    }

    static string ReadText(string path)
    {
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
                throw new InvalidDataException($"{path}: larger than {MaxFileBytes >> 20} MB, not a file a run writes");
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot be read ({e.Message})", e);
        }
    }

    /// <summary>
    /// Runs written before run.json recorded the dataset: the loader's training file name, less a UCR-style
    /// _TRAIN suffix (GunPoint_TRAIN.tsv → GunPoint).
    /// </summary>
    static string? DatasetFromLoader(YamlMappingNode root)
    {
        if (Child(root, "loader") is not YamlMappingNode loader || Child(loader, "with") is not YamlMappingNode with) return null;
        if (Child(with, "train") is not YamlScalarNode { Value: { Length: > 0 } train }) return null;
        var stem = Path.GetFileNameWithoutExtension(train.TrimEnd('/'));
        return stem.EndsWith("_TRAIN", StringComparison.OrdinalIgnoreCase) && stem.Length > 6 ? stem[..^6] : stem;
    }

    static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>
    /// A parameter value as one line of text. A YAML file may alias one node many times over (each level of anchors
    /// multiplying the last), so the text has a budget: past it the file is taken as malformed, quickly.
    /// </summary>
    sealed class Flattener(string path)
    {
        const int Budget = 100_000;
        int _left = Budget;

        public string Text(YamlNode node)
        {
            if (--_left < 0) throw new InvalidDataException($"{path}: model.with expands to more than {Budget} values (aliases inside aliases?)");
            return node switch
            {
                YamlScalarNode s => s.Value ?? "",
                YamlSequenceNode seq => "[" + string.Join(", ", seq.Children.Select(Text)) + "]",
                YamlMappingNode map => "{" + string.Join(", ", map.Children.Select(kv => $"{Text(kv.Key)}: {Text(kv.Value)}")) + "}",
                _ => node.ToString(),
            };
        }
    }

    static JsonDocument Parse(string path)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(ReadText(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not valid JSON ({e.Message})", e); }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind.ToString().ToLowerInvariant();
            document.Dispose();
            throw new InvalidDataException($"{path}: expected a JSON object {{...}}, found a JSON {kind}");
        }
        return document;
    }

    static string Text(JsonElement root, string field, string path) =>
        root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!
            : throw new InvalidDataException($"{path}: field '{field}' must be a string");

    static double Number(JsonElement root, string field, string path) =>
        root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var x) && double.IsFinite(x) ? x
            : throw new InvalidDataException($"{path}: field '{field}' must be a number");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Dataset} × {ModelPlugin} ({Directory})");
}
