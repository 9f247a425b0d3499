using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Pipeline.Engine.Models;

/// <summary>
/// The files of a saved model folder as a whole: the checksums written with it (<see cref="ChecksumFile"/>, in
/// <c>sha256sum</c> format so <c>sha256sum -c</c> can check it too), checked before the model is used, and the
/// fingerprint that tells whether two folders hold the same model.
/// </summary>
public static class ModelFolder
{
    public const string ChecksumFile = "checksums.sha256";

    /// <summary>Writes the SHA-256 of every file under <paramref name="folder"/> (the checksum file last of all).</summary>
    public static void WriteChecksums(string folder)
    {
        var lines = new StringBuilder();
        foreach (var (relative, path) in ModelFiles(folder))
            lines.Append(Hex(SHA256.HashData(File.ReadAllBytes(path)))).Append("  ").Append(relative).Append('\n');
        AtomicFile.WriteText(Path.Combine(folder, ChecksumFile), lines.ToString());
    }

    /// <summary>
    /// Refuses a folder whose files do not match the checksums saved with it (edited or damaged), naming the file.
    /// Folders saved before checksums existed have none and are accepted as they are.
    /// </summary>
    public static void Verify(string folder)
    {
        var path = Path.Combine(folder, ChecksumFile);
        if (!File.Exists(path)) return;
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0) continue;
            int gap = line.IndexOf("  ", StringComparison.Ordinal);
            if (gap != 64) throw new InvalidDataException($"{path}:{lineNumber}: expected '<sha256>  <file>'");
            var relative = line[(gap + 2)..];
            var file = Path.GetFullPath(Path.Combine(folder, relative));
            if (!file.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidDataException($"{path}:{lineNumber}: '{relative}' is outside the model folder");
            if (!File.Exists(file))
                throw new InvalidDataException($"{file}: missing from the saved model (listed in {ChecksumFile})");
            if (!string.Equals(Hex(SHA256.HashData(File.ReadAllBytes(file))), line[..gap], StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"{file}: its content differs from what was saved with the model (edited or damaged; " +
                                               $"{ChecksumFile} records its SHA-256); refusing to use it");
        }
    }

    /// <summary>
    /// SHA-256 over the relative names and contents of every file, in name order, JSON files in a canonical form
    /// (keys sorted, creation times left out) so that the same model saved twice — or its arguments written in another
    /// order — has the same fingerprint.
    /// </summary>
    public static string Fingerprint(string folder)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (relative, path) in ModelFiles(folder))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(relative + "\n"));
            var bytes = File.ReadAllBytes(path);
            sha.AppendData(relative.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? CanonicalJson(bytes) : bytes);
        }
        return Hex(sha.GetHashAndReset());
    }

    /// <summary>Every file but the checksum files, as (relative name with '/', full path), in ordinal name order.</summary>
    static IEnumerable<(string Relative, string Path)> ModelFiles(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'), Path: f))
            .Where(f => Path.GetFileName(f.Relative) != ChecksumFile)
            .OrderBy(f => f.Relative, StringComparer.Ordinal);

    static byte[] CanonicalJson(byte[] json)
    {
        try
        {
            var node = JsonNode.Parse(json);
            return Encoding.UTF8.GetBytes(Canonical(node)?.ToJsonString() ?? "null");
        }
        catch (JsonException)
        {
            return json;
        }
    }

    static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(kv => !IsCreationTime(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => KeyValuePair.Create(kv.Key, Canonical(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(Canonical).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>Metadata files stamp when they were written; that must not make an identical model look different.</summary>
    static bool IsCreationTime(string key) => key.Replace("_", "").Equals("createdutc", StringComparison.OrdinalIgnoreCase);

    static string Hex(byte[] digest) => Convert.ToHexString(digest).ToLowerInvariant();
}
