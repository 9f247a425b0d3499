using System.Runtime.ExceptionServices;
using LstmFcn.Pipeline;

namespace LstmFcn.Signal;

/// <summary>
/// (Compiled into the plugins that set UsesSharedSignal: Signal, Ecg, Spectra.) Transforms the series of a dataset in parallel. A failure is rethrown as is — the one of the first failing series
/// in dataset order — rather than wrapped in an AggregateException, so its message reaches the user unchanged.
/// </summary>
public static class PerSeries
{
    public static TimeSeriesSample[] Map(TimeSeriesDataset data, Func<TimeSeriesSample, int, TimeSeriesSample> transform) =>
        Map<TimeSeriesSample>(data, transform);

    /// <summary>Writes one channel's new values (as many as it has) into <paramref name="result"/>.</summary>
    public delegate void ChannelTransform(ReadOnlySpan<float> channel, Span<float> result);

    /// <summary>Each channel of each series through <paramref name="transform"/>, into a series of the same shape.</summary>
    public static TimeSeriesSample[] MapChannels(TimeSeriesDataset data, ChannelTransform transform) =>
        Map(data, (s, _) =>
        {
            var values = new float[s.Values.Length];
            for (int c = 0; c < s.Channels; c++) transform(s.Channel(c), values.AsSpan(c * s.Length, s.Length));
            return s.WithValues(values, s.Channels);
        });

    /// <summary>Each series to any number of series (windows, copies), kept in dataset order.</summary>
    public static List<TimeSeriesSample> MapMany(TimeSeriesDataset data, Func<TimeSeriesSample, int, TimeSeriesSample[]> transform)
    {
        var parts = Map<TimeSeriesSample[]>(data, transform);
        var result = new List<TimeSeriesSample>(parts.Sum(p => p.Length));
        foreach (var p in parts) result.AddRange(p);
        return result;
    }

    static T[] Map<T>(TimeSeriesDataset data, Func<TimeSeriesSample, int, T> transform)
    {
        var result = new T[data.Count];
        var errors = new Exception?[data.Count];
        Parallel.For(0, data.Count, i =>
        {
            try { result[i] = transform(data.Samples[i], i); }
            catch (Exception e) { errors[i] = e; }
        });
        foreach (var e in errors)
            if (e is not null) ExceptionDispatchInfo.Capture(e).Throw();
        return result;
    }
}
