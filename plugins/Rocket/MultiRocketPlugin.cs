using LstmFcn.Rocket;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Rocket;

/// <summary>
/// <c>multirocket</c>: MiniRocket kernels on the series and on its first difference, four pools per bias (PPV, MPV,
/// MIPV, LSPV): features / 8 convolutions per representation (paper: 50 000 → 49 728 features), ridge-CV.
/// </summary>
public sealed class MultiRocketPlugin : RocketPlugin<MultiRocketPlugin.Options>
{
    public sealed record Options : RocketOptions
    {
        [Parameter("features (paper: 50 000 → 49 728: 2 representations × 4 pools × 84 kernels × 74)", Min = 672, Max = 10_000_000)]
        public int Features { get; init; } = 50_000;

        [Parameter("most dilations per kernel (paper: 32)", Min = 1, Max = 1_000)]
        public int MaxDilationsPerKernel { get; init; } = 32;
    }

    public override string Name => "multirocket";
    public override string Description => "MultiRocket (Tan et al. 2022): MiniRocket kernels on the series and its difference, PPV/MPV/MIPV/LSPV, ridge-CV";

    protected override IFeatureTransform FitTransform(TimeSeriesDataset train, Options options, RunContext context) =>
        Features(train, options.Features, options.MaxDilationsPerKernel, context, Name);

    internal static MiniRocketFeatures Features(TimeSeriesDataset train, int features, int maxDilations, RunContext context, string purpose)
    {
        int perRepresentation = features / 2 / 4;
        return new MiniRocketFeatures("multirocket",
        [
            MiniRocketPlugin.Fit(train, perRepresentation, maxDilations, Pooling.Four, false, context, purpose),
            MiniRocketPlugin.Fit(train, perRepresentation, maxDilations, Pooling.Four, true, context, purpose)
        ]);
    }
}
