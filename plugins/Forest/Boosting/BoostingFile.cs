namespace LstmFcn.Plugins.Forest.Boosting;

/// <summary>
/// A boosted ensemble in a compact little-endian binary file: magic string and format version, feature, class and
/// iteration counts, the class baselines, then per iteration and class one tree (nodes, then leaf values). Reading
/// checks every index, so a damaged file is reported rather than mispredicting.
/// </summary>
public static class BoostingFile
{
    public const int Version = 1;
    static readonly TreeRecords.FileKind Kind =
        new("LSTMFCN-GRADIENT-BOOSTING", Version, "the boosted trees", "gradient-boosting model", "gradient-boosting");

    public static void Write(string path, BoostedEnsemble ensemble) =>
        TreeRecords.WriteFile(path, Kind, w =>
        {
            w.Write(ensemble.Features);
            w.Write(ensemble.Classes);
            w.Write(ensemble.Trees.Length);
            foreach (var b in ensemble.Baseline) w.Write(b);
            foreach (var iteration in ensemble.Trees)
                foreach (var tree in iteration) TreeRecords.Write(w, tree.Nodes, tree.LeafValues);
        });

    public static BoostedEnsemble Read(string path) =>
        TreeRecords.ReadFile(path, Kind, r =>
        {
            int features = r.ReadInt32(), classes = r.ReadInt32(), iterations = r.ReadInt32();
            if (features < 1 || classes < 2 || iterations < 1 || (long)iterations * classes > r.BaseStream.Length)
                throw TreeRecords.Damaged(path, $"{features} features, {classes} classes, {iterations} iterations");
            var baseline = new float[classes];
            for (int c = 0; c < classes; c++) baseline[c] = r.ReadSingle();
            var trees = new BoostedTree[iterations][];
            for (int it = 0; it < iterations; it++)
            {
                trees[it] = new BoostedTree[classes];
                for (int c = 0; c < classes; c++)
                {
                    var (nodes, values) = TreeRecords.Read(r, path, $"iteration {it}, class {c}", features, leafWidth: 1);
                    trees[it][c] = new BoostedTree(nodes, values);
                }
            }
            return new BoostedEnsemble(baseline, trees, features);
        });
}
