using System.Runtime.ExceptionServices;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Spectra.Preprocessing;

/// <summary>Maps every sample in parallel; the first failure in dataset order is rethrown unchanged.</summary>
static class PerSample
{
    public static TimeSeriesSample[] Map(TimeSeriesDataset data, Func<TimeSeriesSample, TimeSeriesSample> transform)
    {
        var result = new TimeSeriesSample[data.Count];
        var errors = new Exception?[data.Count];
        Parallel.For(0, data.Count, i =>
        {
            try { result[i] = transform(data.Samples[i]); }
            catch (Exception e) { errors[i] = e; }
        });
        foreach (var e in errors)
            if (e is not null) ExceptionDispatchInfo.Capture(e).Throw();
        return result;
    }
}
