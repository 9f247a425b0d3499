namespace LstmFcn.Plugins.Forest;

/// <summary>
/// The part of the forest and boosting files they share: one tree as its node count, its nodes (feature, threshold,
/// left, right) and its leaf values; counts and node links checked on reading so a damaged file is reported.
/// </summary>
public static class TreeRecords
{
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
