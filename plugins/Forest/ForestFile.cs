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
            foreach (var tree in forest.Trees)
            {
                w.Write(tree.Nodes.Length);
                foreach (var node in tree.Nodes)
                {
                    w.Write(node.Feature);
                    w.Write(node.Threshold);
                    w.Write(node.Left);
                    w.Write(node.Right);
                }
                w.Write(tree.LeafValues.Length);
                foreach (var v in tree.LeafValues) w.Write(v);
            }
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
                var nodes = new TreeNode[ReadCount(r, path, "nodes")];
                for (int i = 0; i < nodes.Length; i++)
                    nodes[i] = new TreeNode { Feature = r.ReadInt32(), Threshold = r.ReadSingle(), Left = r.ReadInt32(), Right = r.ReadInt32() };
                var values = new float[ReadCount(r, path, "leaf values")];
                for (int i = 0; i < values.Length; i++) values[i] = r.ReadSingle();
                Validate(path, t, nodes, values, features, classes);
                trees[t] = new DecisionTree(nodes, values, classes);
            }
            return new RandomForest(trees, features, classes);
        }
        catch (EndOfStreamException)
        {
            throw Damaged(path, "the file ends early (truncated)");
        }
    }

    static int ReadCount(BinaryReader r, string path, string what)
    {
        int n = r.ReadInt32();
        if (n < 1 || n > r.BaseStream.Length) throw Damaged(path, $"implausible number of {what}: {n}");
        return n;
    }

    /// <summary>Every split names a feature and two later nodes; every leaf a whole distribution in the values.</summary>
    static void Validate(string path, int tree, TreeNode[] nodes, float[] values, int features, int classes)
    {
        if (values.Length % classes != 0) throw Damaged(path, $"tree {tree}: {values.Length} leaf values for {classes} classes");
        int leaves = values.Length / classes;
        for (int i = 0; i < nodes.Length; i++)
        {
            var n = nodes[i];
            bool ok = n.IsLeaf
                ? n.Feature == -1 && n.Left >= 0 && n.Left < leaves
                : n.Feature < features && n.Left > i && n.Left < nodes.Length && n.Right > i && n.Right < nodes.Length;
            if (!ok) throw Damaged(path, $"tree {tree}, node {i} is invalid");
        }
    }

    static InvalidDataException Damaged(string path, string problem) => new($"{path}: {problem}");
}
