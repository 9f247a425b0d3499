using System.Runtime.ExceptionServices;
using LstmFcn.Pipeline;

namespace LstmFcn.Signal;

/// <summary>
/// (Compiled into the Signal and Ecg plugins.) Transforms the series of a dataset in parallel. A failure is rethrown as is — the one of the first failing series
/// in dataset order — rather than wrapped in an AggregateException, so its message reaches the user unchanged.
/// </summary>
public static class PerSeries
{
    public static TimeSeriesSample[] Map(TimeSeriesDataset data, Func<TimeSeriesSample, int, TimeSeriesSample> transform) =>
        Map<TimeSeriesSample>(data, transform);

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
