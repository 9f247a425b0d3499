using LstmFcn.Rocket;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Rocket;

/// <summary><c>hydra-multirocket</c>: Hydra and MultiRocket features side by side, one ridge-CV over both (Dempster et al. 2023).</summary>
public sealed class HydraMultiRocketPlugin : RocketPlugin<HydraMultiRocketPlugin.Options>
{
    public sealed record Options : RocketOptions
    {
        [Parameter("hydra: kernels per group (paper: 8)", Min = 2, Max = 256)]
        public int Kernels { get; init; } = 8;

        [Parameter("hydra: groups (paper: 64)", Min = 2, Max = 4096)]
        public int Groups { get; init; } = 64;

        [Parameter("multirocket: features (paper: 50 000)", Min = 672, Max = 10_000_000)]
        public int Features { get; init; } = 50_000;

        [Parameter("multirocket: most dilations per kernel (paper: 32)", Min = 1, Max = 1_000)]
        public int MaxDilationsPerKernel { get; init; } = 32;
    }

    public override string Name => "hydra-multirocket";
    public override string Description => "Hydra + MultiRocket (Dempster et al. 2023): both transforms concatenated, ridge-CV";

    protected override IFeatureTransform FitTransform(TimeSeriesDataset train, Options options, RunContext context) =>
        new ConcatenatedFeatures(Name,
        [
            HydraPlugin.Transform(train, options.Kernels, options.Groups, context, Name),
            MultiRocketPlugin.Features(train, options.Features, options.MaxDilationsPerKernel, context, Name)
        ]);
}
