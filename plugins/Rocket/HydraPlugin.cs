using LstmFcn.Rocket;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Rocket;

/// <summary><c>hydra</c>: groups of competing random kernels, counts of winning and losing kernels, ridge-CV.</summary>
public sealed class HydraPlugin : RocketPlugin<HydraPlugin.Options>
{
    public sealed record Options : RocketOptions
    {
        [Parameter("kernels per group (paper: 8)", Min = 2, Max = 256)]
        public int Kernels { get; init; } = 8;

        [Parameter("groups, half on the series and half on its first difference (paper: 64)", Min = 2, Max = 4096)]
        public int Groups { get; init; } = 64;
    }

    public override string Name => "hydra";
    public override string Description => "Hydra (Dempster et al. 2023): competing random kernels, soft/hard counts of the winners, ridge-CV";

    protected override IFeatureTransform FitTransform(TimeSeriesDataset train, Options options, RunContext context) =>
        Transform(train, options.Kernels, options.Groups, context, Name);

    internal static HydraTransform Transform(TimeSeriesDataset train, int kernels, int groups, RunContext context, string purpose) =>
        HydraTransform.Fit(train.Samples, kernels, groups, context.RandomFor($"{purpose}-weights"), context.RandomFor($"{purpose}-channels"));
}
