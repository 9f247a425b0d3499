using System.Text.Json;

namespace LstmFcn.Pipeline.Comparison;

/// <summary>
/// The scores a run left: <c>scores.json</c>, which the engine writes for every scored run, or for runs from before it
/// existed the metrics reporter's <c>metrics.json</c>. What compare, reproduce and bench read: run outputs, never a
/// plugin's private files.
/// </summary>
public sealed record RunScores(string File, double Accuracy, double? PerClassError, int Classes, int? Epochs,
    IReadOnlyDictionary<string, JsonElement> Selected)
{
    /// <summary>An ensemble's members scored alone on the same data (scores.json "members": model folder, accuracy).</summary>
    public IReadOnlyList<(string Model, double Accuracy)> Members { get; init; } = [];

    public static readonly string[] FileNames = { "scores.json", "metrics.json" };

    /// <summary>The run's scores, or null with the reason when it has none; malformed files throw naming the file and field.</summary>
    public static RunScores? Read(string runDirectory, out string? missingReason)
    {
        missingReason = null;
        var path = FileNames.Select(n => Path.Combine(runDirectory, n)).FirstOrDefault(System.IO.File.Exists);
        if (path is null)
        {
            missingReason = "no scores.json (the run scored nothing: no test set or no labels)";
            return null;
        }
        JsonDocument json;
        try { json = JsonDocument.Parse(System.IO.File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not valid JSON ({e.Message})", e); }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{path}: expected a JSON object");
            if (!root.TryGetProperty("accuracy", out var a) || a.ValueKind != JsonValueKind.Number)
                throw new InvalidDataException($"{path}: field 'accuracy' must be a number");
            int classes = root.TryGetProperty("classes", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.GetArrayLength()
                : throw new InvalidDataException($"{path}: field 'classes' must be a list of classes");
            double? perClassError = root.TryGetProperty("per_class_error", out var pce) && pce.ValueKind == JsonValueKind.Number ? pce.GetDouble() : null;
            int? epochs = root.TryGetProperty("epochs", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : null;
            var selected = root.TryGetProperty("selected", out var s) && s.ValueKind == JsonValueKind.Object
                ? s.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
                : new Dictionary<string, JsonElement>();
            return new RunScores(path, a.GetDouble(), perClassError, classes, epochs, selected) { Members = MembersOf(root, path) };
        }
    }

    static List<(string, double)> MembersOf(JsonElement root, string path)
    {
        var members = new List<(string, double)>();
        if (!root.TryGetProperty("members", out var list)) return members;
        if (list.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{path}: field 'members' must be a list");
        foreach (var m in list.EnumerateArray())
        {
            if (m.ValueKind != JsonValueKind.Object || !m.TryGetProperty("model", out var name) || name.ValueKind != JsonValueKind.String ||
                !m.TryGetProperty("accuracy", out var accuracy) || accuracy.ValueKind != JsonValueKind.Number)
                throw new InvalidDataException($"{path}: every entry of 'members' needs a 'model' name and an 'accuracy' number");
            members.Add((name.GetString()!, accuracy.GetDouble()));
        }
        return members;
    }
}
