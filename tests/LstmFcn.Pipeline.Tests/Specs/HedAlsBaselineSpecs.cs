using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>als-baseline</c> (asymmetric least squares, Eilers &amp; Boelens) removes a smooth background under narrow peaks
/// and solves exactly the system a dense solver would.
/// </summary>
public sealed class HedAlsBaselineSpecs : IDisposable
{
    readonly TempFolder _temp = new();
    public void Dispose() => _temp.Dispose();

    TimeSeriesDataset Apply(float[] y, params (string, object?)[] args)
    {
        var data = new TimeSeriesDataset(new[] { new TimeSeriesSample("s", y, 1, 0) }, new ClassLabels(new[] { "a" }));
        var plugin = Plugins.Preprocessor("als-baseline");
        return plugin.Fit(data, Plugins.Arguments(plugin, args), Plugins.Context(_temp.Path)).Transform(data);
    }

    static double Peaks(int t) =>
        100 * Math.Exp(-0.5 * Math.Pow((t - 500) / 4.0, 2)) + 60 * Math.Exp(-0.5 * Math.Pow((t - 1200) / 5.0, 2)) + 80 * Math.Exp(-0.5 * Math.Pow((t - 1700) / 3.0, 2));

    static double Background(int t) => 200 + 0.05 * t + 40 * Math.Sin(t / 700.0) + 30 * Math.Exp(-0.5 * Math.Pow((t - 900) / 400.0, 2));

    [Fact]
    public void Removes_a_constructed_smooth_baseline_and_keeps_the_peaks()
    {
        const int n = 2000;
        var y = Enumerable.Range(0, n).Select(t => (float)(Background(t) + Peaks(t))).ToArray();

        var corrected = Apply(y, ("lambda", 1e5), ("p", 0.002), ("iterations", 10)).Samples[0].Values;

        // Far from the peaks the corrected spectrum is flat at zero: the background went into the baseline.
        for (int t = 0; t < n; t++)
            if (Peaks(t) < 1e-3) Assert.InRange(corrected[t], -3f, 3f);
        // The peaks keep their height over the removed background.
        Assert.InRange(corrected[500], 97f, 103f);
        Assert.InRange(corrected[1200], 57f, 63f);
        Assert.InRange(corrected[1700], 77f, 83f);
        // Without correction the background alone would be hundreds of counts.
        Assert.True(y[100] > 190);
    }

    [Fact]
    public void The_baseline_is_the_exact_solution_of_the_weighted_penalised_system()
    {
        const int n = 60;
        var random = new Random(5);
        var y = Enumerable.Range(0, n).Select(t => (float)(10 + 0.3 * t + 5 * random.NextDouble() + (t % 17 == 0 ? 30 : 0))).ToArray();
        const double lambda = 300, p = 0.05;
        const int iterations = 4;

        var baseline = Apply(y, ("lambda", lambda), ("p", p), ("iterations", iterations), ("output", "baseline")).Samples[0].Values;

        var expected = DenseAls(y, lambda, p, iterations);
        for (int t = 0; t < n; t++) Assert.Equal(expected[t], baseline[t], 3);
    }

    /// <summary>The textbook algorithm with a dense matrix and Gaussian elimination (what scipy's spsolve computes).</summary>
    static double[] DenseAls(float[] y, double lambda, double p, int iterations)
    {
        int n = y.Length;
        var dtd = new double[n, n];
        for (int k = 0; k < n - 2; k++)
        {
            double[] row = { 1, -2, 1 };
            for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) dtd[k + a, k + b] += row[a] * row[b];
        }
        var w = Enumerable.Repeat(1.0, n).ToArray();
        var z = new double[n];
        for (int it = 0; it < iterations; it++)
        {
            var m = new double[n, n + 1];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++) m[i, j] = lambda * dtd[i, j] + (i == j ? w[i] : 0);
                m[i, n] = w[i] * y[i];
            }
            for (int c = 0; c < n; c++)
            {
                int pivot = c;
                for (int r = c + 1; r < n; r++) if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c])) pivot = r;
                for (int j = 0; j <= n; j++) (m[c, j], m[pivot, j]) = (m[pivot, j], m[c, j]);
                for (int r = c + 1; r < n; r++)
                {
                    double f = m[r, c] / m[c, c];
                    for (int j = c; j <= n; j++) m[r, j] -= f * m[c, j];
                }
            }
            for (int i = n - 1; i >= 0; i--)
            {
                double s = m[i, n];
                for (int j = i + 1; j < n; j++) s -= m[i, j] * z[j];
                z[i] = s / m[i, i];
            }
            for (int i = 0; i < n; i++) w[i] = y[i] > z[i] ? p : y[i] < z[i] ? 1 - p : 0;
        }
        return z;
    }
}
