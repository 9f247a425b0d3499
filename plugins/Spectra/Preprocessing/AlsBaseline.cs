using LstmFcn.Pipeline;
using LstmFcn.Signal;

namespace LstmFcn.Plugins.Spectra.Preprocessing;

/// <summary>
/// <c>als-baseline</c>: subtracts each spectrum's asymmetric-least-squares baseline (λ 1e5, p 0.002, 10 iterations
/// in the paper). Per spectrum, nothing learned: the same on train, test and new data.
/// </summary>
public sealed class AlsBaseline : StatelessPreprocessorPlugin<AlsBaseline.Options>
{
    /// <summary>What replaces the spectrum: spectrum − baseline, or the baseline itself.</summary>
    public enum Output { Corrected, Baseline }

    public sealed record Options : PluginOptions
    {
        [Parameter("smoothness λ of the baseline (larger = stiffer)", Min = 0, Max = 1e15)]
        public double Lambda { get; init; } = 1e5;

        [Parameter("asymmetry: weight of points above the baseline (below get 1 − p)", Min = 0, Max = 1)]
        public double P { get; init; } = 0.002;

        [Parameter("reweighting iterations", Min = 1, Max = 1000)]
        public int Iterations { get; init; } = 10;

        [Parameter("what replaces the spectrum: spectrum − baseline, or the baseline itself")]
        public Output Output { get; init; } = Output.Corrected;
    }

    public override string Name => "als-baseline";
    public override string Description => "asymmetric least squares baseline subtraction per spectrum (Eilers & Boelens; banded O(N) solve)";

    protected override TimeSeriesDataset Transform(TimeSeriesDataset data, Options options)
    {
        bool baselineOnly = options.Output == Output.Baseline;
        return data.WithSamples(PerSeries.MapChannels(data, (y, dst) =>
        {
            var z = AsymmetricLeastSquares.Baseline(y, options.Lambda, options.P, options.Iterations);
            for (int t = 0; t < y.Length; t++) dst[t] = (float)(baselineOnly ? z[t] : y[t] - z[t]);
        }));
    }
}
