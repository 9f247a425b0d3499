using System.Text.Json;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Plugins.Forest;

/// <summary>
/// The JSON metadata beside a saved tree model (forest.json, boosting.json): snake_case, indented; read back only when
/// it is the expected format and version, with the file named in every complaint.
/// </summary>
public static class ModelMetadata
{
    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static void Write<T>(string path, T metadata) where T : IModelMetadata =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, metadata, Json));

    /// <param name="what">The model in words, for messages: "random forest".</param>
    public static T Read<T>(string path, string what, string format, int version) where T : IModelMetadata
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: not a saved {what} (no {Path.GetFileName(path)})", path);
        T meta;
        try
        {
            meta = JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a {what}'s metadata ({e.Message})");
        }
        if (meta.Format != format) throw new InvalidDataException($"{path}: format '{meta.Format}', expected '{format}'");
        if (meta.Version != version)
            throw new InvalidDataException($"{path}: saved in {what} format version {meta.Version}; this plugin reads version {version}");
        return meta;
    }

    /// <summary>The feature layout the metadata describes, checked against what the trees file holds.</summary>
    public static FeatureLayout LayoutOf(IModelMetadata meta, string metadataPath, int treeFeatures, int treeClasses)
    {
        var layout = new FeatureLayout(meta.Channels, meta.Length, meta.ChannelNames, meta.TimeNames);
        if (treeFeatures != layout.Count || treeClasses != meta.Classes.Count)
            throw new InvalidDataException(
                $"{Path.GetDirectoryName(metadataPath)}: {meta.TreesFile} has {treeFeatures} features and {treeClasses} classes, " +
                $"{Path.GetFileName(metadataPath)} says {layout.Count} and {meta.Classes.Count}");
        return layout;
    }
}
