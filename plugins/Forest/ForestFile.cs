namespace LstmFcn.Plugins.Forest;

/// <summary>
/// The trees of a forest in a compact little-endian binary file: a magic string and format version, the feature,
/// class and tree counts, then per tree its nodes (feature, threshold, left, right) and its leaf class frequencies.
/// Reading checks every index, so a damaged file is reported rather than mispredicting.
/// </summary>
public static class ForestFile
{
    public const int Version = 1;
    static readonly TreeRecords.FileKind Kind = new("LSTMFCN-RANDOM-FOREST", Version, "the forest's trees", "random forest", "forest");

    public static void Write(string path, RandomForest forest) =>
        TreeRecords.WriteFile(path, Kind, w =>
        {
            w.Write(forest.Features);
            w.Write(forest.Classes);
            w.Write(forest.Trees.Count);
            foreach (var tree in forest.Trees) TreeRecords.Write(w, tree.Nodes, tree.LeafValues);
        });

    public static RandomForest Read(string path) =>
        TreeRecords.ReadFile(path, Kind, r =>
        {
            int features = r.ReadInt32(), classes = r.ReadInt32(), count = r.ReadInt32();
            if (features < 1 || classes < 1 || count < 1)
                throw TreeRecords.Damaged(path, $"{features} features, {classes} classes, {count} trees");
            var trees = new DecisionTree[count];
            for (int t = 0; t < count; t++)
            {
                var (nodes, values) = TreeRecords.Read(r, path, $"tree {t}", features, classes);
                trees[t] = new DecisionTree(nodes, values, classes);
            }
            return new RandomForest(trees, features, classes);
        });
}
