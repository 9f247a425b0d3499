namespace LstmFcn.Plugins.Forest.Boosting;

/// <summary>
/// How a gradient-boosted ensemble grows, as the trainer takes it and boosting.json records it; the parameters and
/// their defaults are declared once, in <see cref="GradientBoostingPlugin.Options"/>.
/// </summary>
public sealed record BoostingSettings(
    int Iterations,
    double LearningRate,
    int MaxLeafNodes,
    int? MaxDepth,
    int MinSamplesLeaf,
    double L2Regularization,
    int MaxBins,
    bool BalancedClassWeight)
{
    /// <summary>A child needs at least this much hessian (scikit-learn's min_hessian_to_split).</summary>
    public const double MinHessianToSplit = 1e-3;
}
