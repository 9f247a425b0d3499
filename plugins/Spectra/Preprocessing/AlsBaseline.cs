using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Spectra.Preprocessing;

/// <summary>
/// <c>als-baseline</c>: subtracts each spectrum's asymmetric-least-squares baseline (λ 1e5, p 0.002, 10 iterations
/// in the paper). Per spectrum, nothing learned: the same on train, test and new data.
/// </summary>
public sealed class AlsBaseline : IPreprocessorPlugin
{
    public string Name => "als-baseline";
    public string Description => "asymmetric least squares baseline subtraction per spectrum (Eilers & Boelens; banded O(N) solve)";

    public IReadOnlyList<ParameterSpec> Parameters { get; } = new[]
    {
        ParameterSpec.Number("lambda", 1e5, "smoothness λ of the baseline (larger = stiffer)", min: 0),
        ParameterSpec.Number("p", 0.002, "asymmetry: weight of points above the baseline (below get 1 − p)", min: 0, max: 1),
        ParameterSpec.Int("iterations", 10, "reweighting iterations", min: 1, max: 1000),
        ParameterSpec.Choice("output", "corrected", "what replaces the spectrum: spectrum − baseline, or the baseline itself", "corrected", "baseline"),
    };

    public IFittedPreprocessor Fit(TimeSeriesDataset train, PluginArguments args, RunContext context) => Restore(new Dictionary<string, string>(), args);

    public IFittedPreprocessor Restore(IReadOnlyDictionary<string, string> state, PluginArguments args) =>
        new Fitted(args.GetDouble("lambda"), args.GetDouble("p"), args.GetInt("iterations"), args.GetString("output") == "baseline");

    sealed class Fitted(double lambda, double p, int iterations, bool baselineOnly) : IFittedPreprocessor
    {
        public IReadOnlyDictionary<string, string> State { get; } = new Dictionary<string, string>();

        public TimeSeriesDataset Transform(TimeSeriesDataset data) => data.WithSamples(PerSample.Map(data, s =>
        {
            var values = new float[s.Values.Length];
            for (int c = 0; c < s.Channels; c++)
            {
                var y = s.Channel(c);
                var z = AsymmetricLeastSquares.Baseline(y, lambda, p, iterations);
                var dst = values.AsSpan(c * s.Length, s.Length);
                for (int t = 0; t < y.Length; t++) dst[t] = (float)(baselineOnly ? z[t] : y[t] - z[t]);
            }
            return s.WithValues(values, s.Channels);
        }));
    }
}
