namespace LstmFcn.Plugins.Forest;

/// <summary>What fitting a forest yields besides the forest: feature importances and the out-of-bag score.</summary>
public sealed record FittedForest(RandomForest Forest, double[] Importances, OutOfBagScore? OutOfBag, int TriedFeatures);
