namespace LstmFcn.Plugins.Forest;

/// <summary>How a tree grows and how many grow: the forest's hyperparameters, checked.</summary>
public sealed record ForestSettings(
    int Trees,
    MaxFeatures MaxFeatures,
    int? MaxDepth,
    int MinSamplesSplit,
    int MinSamplesLeaf,
    ClassWeighting ClassWeight,
    bool Bootstrap)
{
    public static ClassWeighting ParseClassWeight(string text) => text switch
    {
        "none" => ClassWeighting.None,
        "balanced" => ClassWeighting.Balanced,
        "balanced_subsample" => ClassWeighting.BalancedSubsample,
        _ => throw new ArgumentException($"unknown class_weight '{text}'"),
    };

    public static string Name(ClassWeighting weighting) => weighting switch
    {
        ClassWeighting.Balanced => "balanced",
        ClassWeighting.BalancedSubsample => "balanced_subsample",
        _ => "none",
    };
}
