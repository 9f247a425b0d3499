using LstmFcn.Rocket;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Rocket;

/// <summary><c>minirocket</c>: MiniRocket's 84 fixed kernels, PPV features (≈ 10 000), ridge-CV.</summary>
public sealed class MiniRocketPlugin : RocketPlugin<MiniRocketPlugin.Options>
{
    public sealed record Options : RocketOptions
    {
        [Parameter("features (rounded down to a multiple of 84 kernels; paper: 10 000 → 9 996)", Min = 84, Max = 10_000_000)]
        public int Features { get; init; } = 10_000;

        [Parameter("most dilations per kernel (paper: 32)", Min = 1, Max = 1_000)]
        public int MaxDilationsPerKernel { get; init; } = 32;
    }

    public override string Name => "minirocket";
    public override string Description => "MiniRocket (Dempster et al. 2021): 84 fixed kernels × dilations × bias quantiles, PPV features, ridge-CV";

    protected override IFeatureTransform FitTransform(TimeSeriesDataset train, Options options, RunContext context) =>
        new MiniRocketFeatures(Name, [Fit(train, options.Features, options.MaxDilationsPerKernel, Pooling.Ppv, false, context, Name)]);

    /// <summary>One MiniRocket transform of the series (or its difference) with its own random streams.</summary>
    internal static MiniRocketTransform Fit(TimeSeriesDataset train, int features, int maxDilations, Pooling pooling, bool difference,
        RunContext context, string purpose)
    {
        string what = difference ? $"{purpose}-diff" : purpose;
        return MiniRocketTransform.Fit(train.Samples, Math.Max(1, features / MiniRocketKernels.Count), maxDilations, pooling, difference,
            context.RandomFor($"{what}-channels"), context.RandomFor($"{what}-biases"));
    }
}
