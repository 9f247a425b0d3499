using System.Globalization;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>
/// The block side an attempt at a map used, beside its finished blocks: a resumed run with another memory budget
/// (which would derive another side) keeps this one, so the blocks already done still count.
/// </summary>
public sealed class BlockLayoutFile(string blockFolder)
{
    string PathOf => Path.Combine(blockFolder, "layout.txt");

    /// <summary>The side recorded for blocks of this content, or null (no earlier attempt, or one of other content).</summary>
    public int? SideFor(string content)
    {
        if (!File.Exists(PathOf)) return null;
        var parts = File.ReadAllText(PathOf).Trim().Split(' ');
        return parts.Length == 2 && parts[0] == content && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var side) && side > 0
            ? side : null;
    }

    public void Record(string content, int side)
    {
        // Workers sharing the store write the same line, each under its own temporary name.
        AtomicFile.WriteText(PathOf, $"{content} {side.ToString(CultureInfo.InvariantCulture)}\n", unique: true);
    }
}
