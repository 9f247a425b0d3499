namespace LstmFcn.Pipeline.Tests.Support;

/// <summary>Constructed signals and measurements for the signal-processing specs.</summary>
public static class Signals
{
    public static float[] Sine(double hz, double rate, int length, double amplitude = 1, double phase = 0)
    {
        var x = new float[length];
        for (int t = 0; t < length; t++) x[t] = (float)(amplitude * Math.Sin(2 * Math.PI * hz * t / rate + phase));
        return x;
    }

    /// <summary>The test input shared with the scipy cross-checks: sin(0.05t) + 0.3·cos(0.31t) + 0.01t, t = 0..n−1.</summary>
    public static float[] Reference(int length)
    {
        var x = new float[length];
        for (int t = 0; t < length; t++) x[t] = (float)(Math.Sin(0.05 * t) + 0.3 * Math.Cos(0.31 * t) + 0.01 * t);
        return x;
    }

    /// <summary>Single-channel series of class "a" (then "b", … by <paramref name="labels"/>), recorded at <paramref name="rate"/> Hz when given.</summary>
    public static TimeSeriesDataset Dataset(double? rate, params float[][] series) => Labelled(rate, series.Select(s => (0, s)).ToArray());

    public static TimeSeriesDataset Labelled(double? rate, params (int Label, float[] Values)[] series)
    {
        var meta = rate is { } r ? new Dictionary<string, string> { ["sampling_rate"] = r.ToString("R", System.Globalization.CultureInfo.InvariantCulture) } : null;
        var samples = series.Select((s, i) => new TimeSeriesSample($"s{i}", s.Values, 1, s.Label, meta)).ToList();
        int classes = Math.Max(1, series.Length == 0 ? 1 : series.Max(s => s.Label) + 1);
        return new TimeSeriesDataset(samples, new ClassLabels(Enumerable.Range(0, classes).Select(c => ((char)('a' + c)).ToString())), meta);
    }

    /// <summary>Root mean square of x[from..^from] (away from edge effects).</summary>
    public static double InteriorRms(ReadOnlySpan<float> x, int from)
    {
        double sum = 0;
        var inner = x[from..^from];
        foreach (var v in inner) sum += (double)v * v;
        return Math.Sqrt(sum / inner.Length);
    }

    public static double Decibels(double ratio) => 20 * Math.Log10(ratio);

    /// <summary>Frequency (Hz) of the largest DFT magnitude, by a direct DFT over all bins 1..n/2 (independent of the plugin's FFT).</summary>
    public static double DominantFrequency(ReadOnlySpan<float> x, double rate)
    {
        int n = x.Length, best = 1;
        double bestPower = -1;
        for (int k = 1; k <= n / 2; k++)
        {
            double re = 0, im = 0;
            for (int t = 0; t < n; t++)
            {
                double angle = 2 * Math.PI * k * t / n;
                re += x[t] * Math.Cos(angle);
                im -= x[t] * Math.Sin(angle);
            }
            double power = re * re + im * im;
            if (power > bestPower) (bestPower, best) = (power, k);
        }
        return best * rate / n;
    }
}
