using System.Text.Json;
using LstmFcn.Pipeline.Files;
using static TorchSharp.torch;

namespace LstmFcn.Torch;

/// <summary>
/// (Compiled into every torch plugin.) How a trained network is saved and read back, the same for every torch
/// family: its weights (<see cref="WeightsFile"/>, TorchSharp's format) beside a JSON description
/// (<see cref="MetadataFile"/>) that rebuilds the network before the weights are loaded. Each file is written whole
/// or not at all.
/// </summary>
static class SavedNetwork
{
    public const string WeightsFile = "network.weights";
    public const string MetadataFile = "network.json";

    public static void Save<TMetadata>(string directory, nn.Module network, TMetadata metadata, JsonSerializerOptions json)
    {
        AtomicFile.WriteVia(Path.Combine(directory, WeightsFile), temp => network.save(temp));
        AtomicFile.WriteText(Path.Combine(directory, MetadataFile), JsonSerializer.Serialize(metadata, json));
    }

    /// <summary>The description of a saved network; <paramref name="what"/> names the kind of model in errors.</summary>
    public static TMetadata ReadMetadata<TMetadata>(string directory, string what, JsonSerializerOptions json)
    {
        var path = Path.Combine(directory, MetadataFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: not a saved {what} model", path);
        try
        {
            return JsonSerializer.Deserialize<TMetadata>(File.ReadAllText(path), json) ?? throw new InvalidDataException($"{path}: empty metadata");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a readable network description: {e.Message}", e);
        }
    }

    /// <summary>Loads the saved weights into a network rebuilt from its description; names the file when they do not fit.</summary>
    public static void LoadWeights(nn.Module network, string directory)
    {
        var path = Path.Combine(directory, WeightsFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: the saved network's weights are missing", path);
        try
        {
            network.load(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{path}: the weights do not fit the network its {MetadataFile} describes, or the file is damaged ({e.Message})", e);
        }
    }
}
