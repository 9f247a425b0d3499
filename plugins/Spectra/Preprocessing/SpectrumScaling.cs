using LstmFcn.Pipeline;
using LstmFcn.Signal;

namespace LstmFcn.Plugins.Spectra.Preprocessing;

/// <summary>
/// <c>spectrum-scale</c>: per spectrum, min-max to [0, 1] (the paper's choice: peak heights differ between shots, their
/// pattern matters) or standard (zero mean, unit deviation). A flat spectrum becomes all zeros rather than NaN.
/// </summary>
public sealed class SpectrumScaling : StatelessPreprocessorPlugin<SpectrumScaling.Options>
{
    /// <summary>minmax: (x − min)/(max − min); standard: (x − mean)/deviation.</summary>
    public enum Method { Minmax, Standard }

    public sealed record Options : PluginOptions
    {
        [Parameter("minmax: (x − min)/(max − min); standard: (x − mean)/deviation")]
        public Method Method { get; init; } = Method.Minmax;
    }

    public override string Name => "spectrum-scale";
    public override string Description => "per-spectrum min-max to [0, 1] or standard scaling";

    protected override TimeSeriesDataset Transform(TimeSeriesDataset data, Options options)
    {
        bool minMax = options.Method == Method.Minmax;
        return data.WithSamples(PerSeries.MapChannels(data, (x, dst) =>
        {
            double offset, scale;
            if (minMax)
            {
                float lo = float.PositiveInfinity, hi = float.NegativeInfinity;
                foreach (var v in x) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
                (offset, scale) = (lo, hi - lo);
            }
            else
            {
                double sum = 0, sumSq = 0;
                foreach (var v in x) { sum += v; sumSq += (double)v * v; }
                double mean = sum / x.Length;
                (offset, scale) = (mean, Math.Sqrt(Math.Max(0, sumSq / x.Length - mean * mean)));
            }
            for (int t = 0; t < x.Length; t++) dst[t] = scale > 0 ? (float)((x[t] - offset) / scale) : 0f;
        }));
    }
}
