namespace LstmFcn.Plugins.Forest;

/// <summary>A tree as grown, with what the forest needs from its growing: which samples it saw and its importances.</summary>
public sealed record GrownTree(DecisionTree Tree, InBagSet InBag, double[] Importance);
