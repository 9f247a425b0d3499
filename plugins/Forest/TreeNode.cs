namespace LstmFcn.Plugins.Forest;

/// <summary>
/// One node of a fitted tree. A split sends a sample left when its value of <see cref="Feature"/> is at most
/// <see cref="Threshold"/>; a leaf has <see cref="Feature"/> −1 and keeps its class distribution at
/// <see cref="Left"/> × classes in the tree's leaf values.
/// </summary>
public struct TreeNode
{
    public int Feature;
    public float Threshold;
    public int Left;
    public int Right;

    public readonly bool IsLeaf => Feature < 0;
}
