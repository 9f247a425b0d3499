using System.Globalization;
using System.Text.Json;
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
    /// Reads a run directory: run.json (status, dataset, start), scores.json (accuracy, per-class error; see
    /// <see cref="RunScores"/>) and
    /// pipeline.resolved.yaml (model plugin and arguments). Returns null with a reason for runs that did not succeed
    /// or were not scored; throws <see cref="InvalidDataException"/> naming the file and field when a file is malformed.
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
        var yaml = new YamlStream();
        using (var reader = new StreamReader(resolvedPath)) yaml.Load(reader);
        var root = (yaml.Documents.Count > 0 ? yaml.Documents[0].RootNode as YamlMappingNode : null)
                   ?? throw new InvalidDataException($"{resolvedPath}: expected a mapping at the top");

        string modelPlugin;
        var arguments = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Child(root, "model") is YamlMappingNode model && Child(model, "plugin") is YamlScalarNode plugin)
        {
            modelPlugin = plugin.Value ?? throw new InvalidDataException($"{resolvedPath}: model.plugin is empty");
            if (Child(model, "with") is YamlMappingNode with)
                foreach (var (key, value) in with.Children)
                    arguments[((YamlScalarNode)key).Value!] = Flatten(value);
        }
        else
        {
            // A saved model applied to new data: the model is the folder it came from.
            modelPlugin = run.RootElement.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "saved model";
            if (Child(root, "model") is YamlMappingNode saved && Child(saved, "from") is YamlScalarNode from) arguments["from"] = from.Value ?? "";
        }

        var dataset = run.RootElement.TryGetProperty("dataset", out var d) && d.ValueKind == JsonValueKind.String && d.GetString() is { Length: > 0 } name
            ? name : DatasetFromLoader(root) ?? Text(run.RootElement, "pipeline", runJson);
        var started = run.RootElement.TryGetProperty("started_utc", out var s) && s.TryGetDateTime(out var t) ? t : DateTime.MinValue;
        return new RunRecord(Path.GetFullPath(directory), dataset, modelPlugin, arguments, accuracy, perClassError, classes, started);
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

    static string Flatten(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode seq => "[" + string.Join(", ", seq.Children.Select(Flatten)) + "]",
        YamlMappingNode map => "{" + string.Join(", ", map.Children.Select(kv => $"{Flatten(kv.Key)}: {Flatten(kv.Value)}")) + "}",
        _ => node.ToString(),
    };

    static JsonDocument Parse(string path)
    {
        try { return JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not valid JSON ({e.Message})", e); }
    }

    static string Text(JsonElement root, string field, string path) =>
        root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!
            : throw new InvalidDataException($"{path}: field '{field}' must be a string");

    static double Number(JsonElement root, string field, string path) =>
        root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble()
            : throw new InvalidDataException($"{path}: field '{field}' must be a number");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Dataset} × {ModelPlugin} ({Directory})");
}
