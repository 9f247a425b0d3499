using System.Text.Json;
using System.Text.Json.Serialization;

namespace LstmFcn.Pipeline.Engine.Models;

/// <summary>
/// Written beside a saved model so it can be applied to new data later: which model plugin saved it, with which
/// arguments, and the fitted preprocessing (plugin, arguments, learned state) to apply first.
/// </summary>
public sealed record SavedModelManifest(
    string ModelPlugin,
    Dictionary<string, object?> ModelArguments,
    List<SavedPreprocessor> Preprocessors,
    List<string> Classes,
    string CreatedBy,
    DateTime CreatedUtc)
{
    public const string FileName = Pipelines.SavedModelLayout.ManifestFile;

    /// <summary>For an ensemble: its members' folders (relative, in order), each a saved model of its own; else null.</summary>
    public List<string>? Members { get; init; }

    /// <summary>The pipeline's <c>missing:</c> policy when it is not "error" (the default, and what older manifests mean).</summary>
    public string? MissingValues { get; init; }

    /// <summary>The shape of the training data (null in manifests written before it was recorded).</summary>
    public TrainingInput? Input { get; init; }

    /// <summary>The loader the model was trained with: how <c>predict</c> reads new data by default (null: older manifests).</summary>
    public SavedLoader? Loader { get; init; }

    static readonly JsonSerializerOptions Options = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static SavedModelManifest Read(string modelDirectory)
    {
        var path = Path.Combine(modelDirectory, FileName);
        try
        {
            return JsonSerializer.Deserialize<SavedModelManifest>(File.ReadAllText(path), Options)
                   ?? throw new InvalidDataException("empty manifest");
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException)
        {
            throw new InvalidDataException($"{path}: not a readable saved-model manifest: {e.Message}", e);
        }
    }
}
