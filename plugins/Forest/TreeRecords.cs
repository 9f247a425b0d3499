using System.Text;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Plugins.Forest;

/// <summary>
/// The part of the forest and boosting files they share: the envelope (magic string and format version, written whole
/// or not at all; a missing, foreign, newer or truncated file reported by name) and one tree as its node count, its
/// nodes (feature, threshold, left, right) and its leaf values; counts and node links checked on reading so a damaged
/// file is reported.
/// </summary>
public static class TreeRecords
{
    /// <summary>How one kind of tree file names itself in messages.</summary>
    /// <param name="Contents">what is missing without the file: "the forest's trees"</param>
    /// <param name="Model">what a foreign file is not: "random forest"</param>
    /// <param name="Format">whose format version mismatches: "forest"</param>
    public sealed record FileKind(string Magic, int Version, string Contents, string Model, string Format);

    public static void WriteFile(string path, FileKind kind, Action<BinaryWriter> contents) =>
        AtomicFile.Write(path, stream =>
        {
            using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            w.Write(kind.Magic);
            w.Write(kind.Version);
            contents(w);
        });

    public static T ReadFile<T>(string path, FileKind kind, Func<BinaryReader, T> contents)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: {kind.Contents} are missing", path);
        using var r = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        try
        {
            if (r.ReadString() != kind.Magic) throw Damaged(path, $"not a saved {kind.Model}");
            int version = r.ReadInt32();
            if (version != kind.Version)
                throw Damaged(path, $"saved in {kind.Format} format version {version}; this plugin reads version {kind.Version}");
            return contents(r);
        }
        catch (EndOfStreamException)
        {
            throw Damaged(path, "the file ends early (truncated)");
        }
    }

    public static void Write(BinaryWriter w, TreeNode[] nodes, float[] leafValues)
    {
        w.Write(nodes.Length);
        foreach (var node in nodes)
        {
            w.Write(node.Feature);
            w.Write(node.Threshold);
            w.Write(node.Left);
            w.Write(node.Right);
        }
        w.Write(leafValues.Length);
        foreach (var v in leafValues) w.Write(v);
    }

    /// <summary>Reads one tree; <paramref name="leafWidth"/> values belong to each leaf (classes, or 1 for a score).</summary>
    public static (TreeNode[] Nodes, float[] LeafValues) Read(BinaryReader r, string path, string tree, int features, int leafWidth)
    {
        var nodes = new TreeNode[ReadCount(r, path, "nodes")];
        for (int i = 0; i < nodes.Length; i++)
            nodes[i] = new TreeNode { Feature = r.ReadInt32(), Threshold = r.ReadSingle(), Left = r.ReadInt32(), Right = r.ReadInt32() };
        var values = new float[ReadCount(r, path, "leaf values")];
        for (int i = 0; i < values.Length; i++) values[i] = r.ReadSingle();

        // Every split names a feature and two later nodes; every leaf a whole set of values.
        if (values.Length % leafWidth != 0) throw Damaged(path, $"{tree}: {values.Length} leaf values for {leafWidth} per leaf");
        int leaves = values.Length / leafWidth;
        for (int i = 0; i < nodes.Length; i++)
        {
            var n = nodes[i];
            bool ok = n.IsLeaf
                ? n.Feature == -1 && n.Left >= 0 && n.Left < leaves
                : n.Feature < features && n.Left > i && n.Left < nodes.Length && n.Right > i && n.Right < nodes.Length;
            if (!ok) throw Damaged(path, $"{tree}, node {i} is invalid");
        }
        foreach (var v in values)
            if (!float.IsFinite(v)) throw Damaged(path, $"{tree}: a leaf value is not a number");
        return (nodes, values);
    }

    public static int ReadCount(BinaryReader r, string path, string what)
    {
        int n = r.ReadInt32();
        if (n < 1 || n > r.BaseStream.Length) throw Damaged(path, $"implausible number of {what}: {n}");
        return n;
    }

    public static InvalidDataException Damaged(string path, string problem) => new($"{path}: {problem}");
}
