namespace LstmFcn.Plugins.Forest.Boosting;

/// <summary>
/// One regression tree of a boosted ensemble: nodes in one array (root first; a split sends a value at most
/// <see cref="TreeNode.Threshold"/> left) and one raw score per leaf (leaf nodes hold their leaf index in
/// <see cref="TreeNode.Left"/>), learning rate already applied.
/// </summary>
public sealed class BoostedTree
{
    public BoostedTree(TreeNode[] nodes, float[] leafValues)
    {
        Nodes = nodes;
        LeafValues = leafValues;
    }

    public TreeNode[] Nodes { get; }
    public float[] LeafValues { get; }

    public float Predict(ReadOnlySpan<float> features)
    {
        var nodes = Nodes;
        int i = 0;
        while (nodes[i].Feature >= 0)
            i = features[nodes[i].Feature] <= nodes[i].Threshold ? nodes[i].Left : nodes[i].Right;
        return LeafValues[nodes[i].Left];
    }
}
