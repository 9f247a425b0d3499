namespace LstmFcn.Plugins.Forest;

/// <summary>A fitted CART classification tree: nodes in one array (the root first) and leaf class frequencies.</summary>
public sealed class DecisionTree
{
    public DecisionTree(TreeNode[] nodes, float[] leafValues, int classes)
    {
        Nodes = nodes;
        LeafValues = leafValues;
        Classes = classes;
    }

    public TreeNode[] Nodes { get; }
    /// <summary>Per leaf, the weighted class frequencies of its training samples (they sum to 1).</summary>
    public float[] LeafValues { get; }
    public int Classes { get; }
    public int LeafCount => LeafValues.Length / Classes;

    /// <summary>The class frequencies of the leaf <paramref name="features"/> falls into.</summary>
    public ReadOnlySpan<float> Predict(ReadOnlySpan<float> features)
    {
        var nodes = Nodes;
        int i = 0;
        while (nodes[i].Feature >= 0)
            i = features[nodes[i].Feature] <= nodes[i].Threshold ? nodes[i].Left : nodes[i].Right;
        return LeafValues.AsSpan(nodes[i].Left * Classes, Classes);
    }

    /// <summary>Longest root-to-leaf path (0 for a single leaf).</summary>
    public int Depth()
    {
        int deepest = 0;
        var stack = new Stack<(int Node, int Depth)>();
        stack.Push((0, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (Nodes[node].IsLeaf) { deepest = Math.Max(deepest, depth); continue; }
            stack.Push((Nodes[node].Left, depth + 1));
            stack.Push((Nodes[node].Right, depth + 1));
        }
        return deepest;
    }
}
