namespace LstmFcn.Plugins.Forest.Boosting;

/// <summary>
/// How a gradient-boosted ensemble grows; the defaults are scikit-learn's HistGradientBoostingClassifier's (without
/// early stopping, which it too leaves off below 10 000 samples).
/// </summary>
public sealed record BoostingSettings(
    int Iterations = 100,
    double LearningRate = 0.1,
    int MaxLeafNodes = 31,
    int? MaxDepth = null,
    int MinSamplesLeaf = 20,
    double L2Regularization = 0,
    int MaxBins = 255,
    bool BalancedClassWeight = false)
{
    /// <summary>A child needs at least this much hessian (scikit-learn's min_hessian_to_split).</summary>
    public const double MinHessianToSplit = 1e-3;
}
