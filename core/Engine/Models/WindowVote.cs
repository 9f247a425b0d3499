namespace LstmFcn.Pipeline.Engine.Models;

/// <summary>
/// Windows cut from one series (<see cref="TimeSeriesSample.WindowOfKey"/>) become one prediction again: the mean of
/// their class probabilities (a soft vote), in the order the series first appear — which is the order of the series
/// the windows were cut from, since preprocessing keeps dataset order.
/// </summary>
public static class WindowVote
{
    /// <summary>
    /// The prediction of each of <paramref name="seriesCount"/> series from those of its prepared windows (or of the
    /// series themselves); a step that changed the number of series without naming their origin is an error.
    /// </summary>
    public static ProbabilityMatrix PerSeries(TimeSeriesDataset prepared, ProbabilityMatrix probabilities, int seriesCount, string where)
    {
        var combined = Combine(prepared, probabilities).Probabilities;
        if (combined.Rows != seriesCount)
            throw new InvalidOperationException(
                $"{where}preprocessing turned {seriesCount} series into {combined.Rows} predictions; a step that splits series " +
                $"must name each part's series in metadata '{TimeSeriesSample.WindowOfKey}'");
        return combined;
    }

    public static bool HasWindows(TimeSeriesDataset prepared)
    {
        foreach (var s in prepared.Samples)
            if (s.Metadata.ContainsKey(TimeSeriesSample.WindowOfKey)) return true;
        return false;
    }

    /// <returns>
    /// One sample per series (its id and label, the values of its first window, metadata <c>windows</c> = how many)
    /// and the averaged probabilities; unchanged input when no sample is a window.
    /// </returns>
    public static (TimeSeriesDataset Series, ProbabilityMatrix Probabilities) Combine(TimeSeriesDataset prepared, ProbabilityMatrix windows)
    {
        if (!HasWindows(prepared)) return (prepared, windows);
        if (windows.Rows != prepared.Count)
            throw new ArgumentException($"{windows.Rows} probability rows for {prepared.Count} windows");
        int k = windows.Classes.Count;
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var firsts = new List<TimeSeriesSample>();
        var counts = new List<int>();
        var sums = new List<double[]>();
        for (int i = 0; i < prepared.Count; i++)
        {
            var s = prepared.Samples[i];
            var series = s.Metadata.TryGetValue(TimeSeriesSample.WindowOfKey, out var of) ? of : s.Id;
            if (!rowOf.TryGetValue(series, out int row))
            {
                rowOf[series] = row = firsts.Count;
                firsts.Add(s);
                counts.Add(0);
                sums.Add(new double[k]);
            }
            else if (prepared.Samples[i].Label != firsts[row].Label)
                throw new InvalidDataException($"windows of series '{series}' carry different labels");
            counts[row]++;
            var p = windows.Row(i);
            var sum = sums[row];
            for (int c = 0; c < k; c++) sum[c] += p[c];
        }

        var samples = new TimeSeriesSample[firsts.Count];
        var values = new float[firsts.Count * k];
        for (int r = 0; r < samples.Length; r++)
        {
            var first = firsts[r];
            var metadata = new Dictionary<string, string>(first.Metadata);
            var id = metadata.Remove(TimeSeriesSample.WindowOfKey, out var of) ? of! : first.Id;
            metadata["windows"] = counts[r].ToString(System.Globalization.CultureInfo.InvariantCulture);
            samples[r] = new TimeSeriesSample(id, first.Values, first.Channels, first.Label, metadata);
            for (int c = 0; c < k; c++) values[r * k + c] = (float)(sums[r][c] / counts[r]);
        }
        return (prepared.WithSamples(samples), new ProbabilityMatrix(values, samples.Length, windows.Classes));
    }
}
