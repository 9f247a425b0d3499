using LstmFcn.Pipeline.Files;
using System.Text;

namespace LstmFcn.Plugins.Forest;

/// <summary>
/// The trees of a forest in a compact little-endian binary file: a magic string and format version, the feature,
/// class and tree counts, then per tree its nodes (feature, threshold, left, right) and its leaf class frequencies.
/// Reading checks every index, so a damaged file is reported rather than mispredicting.
/// </summary>
public static class ForestFile
{
    public const string Magic = "LSTMFCN-RANDOM-FOREST";
    public const int Version = 1;

    public static void Write(string path, RandomForest forest)
    {
        AtomicFile.Write(path, stream =>
        {
            using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            w.Write(Magic);
            w.Write(Version);
            w.Write(forest.Features);
            w.Write(forest.Classes);
            w.Write(forest.Trees.Count);
            foreach (var tree in forest.Trees) TreeRecords.Write(w, tree.Nodes, tree.LeafValues);
        });
    }

    public static RandomForest Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: the forest's trees are missing", path);
        using var r = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        try
        {
            if (r.ReadString() != Magic) throw Damaged(path, "not a saved random forest");
            int version = r.ReadInt32();
            if (version != Version)
                throw Damaged(path, $"saved in forest format version {version}; this plugin reads version {Version}");
            int features = r.ReadInt32(), classes = r.ReadInt32(), count = r.ReadInt32();
            if (features < 1 || classes < 1 || count < 1) throw Damaged(path, $"{features} features, {classes} classes, {count} trees");
            var trees = new DecisionTree[count];
            for (int t = 0; t < count; t++)
            {
                var (nodes, values) = TreeRecords.Read(r, path, $"tree {t}", features, classes);
                trees[t] = new DecisionTree(nodes, values, classes);
            }
            return new RandomForest(trees, features, classes);
        }
        catch (EndOfStreamException)
        {
            throw Damaged(path, "the file ends early (truncated)");
        }
    }

    static InvalidDataException Damaged(string path, string problem) => TreeRecords.Damaged(path, problem);
}
