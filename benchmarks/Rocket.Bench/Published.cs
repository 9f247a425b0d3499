namespace LstmFcn.Benchmarks.Rocket;

/// <summary>Published test accuracies on the default split.</summary>
static class Published
{
    public static readonly string[] Sets =
    [
        "ArrowHead", "Beef", "CBF", "Coffee", "ECG200", "ECGFiveDays", "GunPoint", "ItalyPowerDemand", "MoteStrain", "OSULeaf",
        "SonyAIBORobotSurface1", "TwoLeadECG"
    ];

    /// <summary>MiniRocket: angus924/minirocket results/accuracy_ucr109_resamples.csv, column 0 (the default split).</summary>
    public static readonly Dictionary<string, double> MiniRocket = new()
    {
        ["ArrowHead"] = 0.862857, ["Beef"] = 0.866667, ["CBF"] = 0.998889, ["Coffee"] = 1.0, ["ECG200"] = 0.91,
        ["ECGFiveDays"] = 1.0, ["GunPoint"] = 0.993333, ["ItalyPowerDemand"] = 0.968902, ["MoteStrain"] = 0.930511,
        ["OSULeaf"] = 0.958678, ["SonyAIBORobotSurface1"] = 0.890183, ["TwoLeadECG"] = 0.998244,
    };

    /// <summary>Means over the 12 sets of the other models' published default-split results (issue #32): MultiRocket
    /// (results/results_128_resample_0.csv of its repository), Hydra + MultiRocket (results/results_ucr112_variants.csv).</summary>
    public static readonly Dictionary<string, double> Means = new()
    {
        ["minirocket"] = MiniRocket.Values.Average(), ["multirocket"] = 0.9418, ["hydra-multirocket"] = 0.9454,
    };
}
