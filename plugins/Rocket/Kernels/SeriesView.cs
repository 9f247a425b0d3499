using LstmFcn.Pipeline;

namespace LstmFcn.Rocket;

/// <summary>
/// The representation a transform convolves: a sample's values (channel-major) or their first difference
/// (x[t+1] − x[t], one step shorter), as one array of <see cref="Channels"/> × <see cref="Length"/> values.
/// </summary>
public readonly record struct SeriesView(float[] Values, int Channels, int Length)
{
    public ReadOnlySpan<float> Channel(int c) => Values.AsSpan(c * Length, Length);

    public static SeriesView Of(TimeSeriesSample sample, bool difference)
    {
        if (!difference || sample.Length < 2) return new(sample.Values, sample.Channels, sample.Length);
        int n = sample.Length - 1;
        var d = new float[sample.Channels * n];
        for (int c = 0; c < sample.Channels; c++)
        {
            var x = sample.Channel(c);
            for (int t = 0; t < n; t++) d[c * n + t] = x[t + 1] - x[t];
        }
        return new(d, sample.Channels, n);
    }
}
