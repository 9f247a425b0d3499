namespace LstmFcn.Plugins.Forest.Boosting;

/// <summary>What boosting produced: the ensemble and each feature's share of the total split gain.</summary>
public sealed record FittedBoosting(BoostedEnsemble Ensemble, double[] Importances);
