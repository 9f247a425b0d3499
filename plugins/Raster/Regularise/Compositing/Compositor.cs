namespace LstmFcn.Regularisation;

/// <summary>
/// Regularises one pixel's series: the irregular dates' values (NaN = nodata or masked) → one value per interval of a
/// <see cref="RegularTimeline"/>, NaN for an interval without a valid value (gap filling comes later, as for any cube).
/// </summary>
public sealed class Compositor
{
    readonly int _dates;
    readonly int[][] _byInterval;
    readonly CompositeMethod _method;
    readonly int _intervals;
    readonly float[] _scratch;

    /// <param name="dates">The source dates, in any order.</param>
    /// <param name="cloudiness">Least-cloudy only: each source date's masked share of the tile (any scale; lower is clearer).</param>
    public Compositor(IReadOnlyList<DateOnly> dates, RegularTimeline timeline, CompositeMethod method, IReadOnlyList<double>? cloudiness = null)
    {
        _dates = dates.Count;
        if (method == CompositeMethod.LeastCloudy && cloudiness?.Count != dates.Count)
            throw new ArgumentException($"least-cloudy needs one cloudiness per date ({dates.Count}); found {cloudiness?.Count ?? 0}", nameof(cloudiness));
        // Each interval's source dates in the order "first valid" takes them: by time whatever order the source has,
        // or clearest first for least-cloudy.
        _byInterval = Enumerable.Range(0, timeline.Dates.Count)
            .Select(k => Enumerable.Range(0, dates.Count).Where(d => timeline.IntervalOf(dates[d]) == k)
                .OrderBy(d => method == CompositeMethod.LeastCloudy ? cloudiness![d] : 0).ThenBy(d => dates[d]).ToArray())
            .ToArray();
        _method = method;
        _intervals = timeline.Dates.Count;
        _scratch = new float[dates.Count];
    }

    /// <summary>One band: <paramref name="source"/>[d] per source date → <paramref name="target"/>[k] per interval.</summary>
    public void Composite(ReadOnlySpan<float> source, Span<float> target)
    {
        if (source.Length != _dates) throw new ArgumentException($"{source.Length} values for {_dates} dates", nameof(source));
        if (target.Length != _intervals) throw new ArgumentException($"{target.Length} slots for {_intervals} intervals", nameof(target));
        for (int k = 0; k < _intervals; k++)
        {
            int n = 0;
            foreach (int d in _byInterval[k])
                if (!float.IsNaN(source[d])) _scratch[n++] = source[d];
            target[k] = n == 0 ? float.NaN : _method == CompositeMethod.Median ? Median(_scratch.AsSpan(0, n)) : _scratch[0];
        }
    }

    static float Median(Span<float> values)
    {
        values.Sort();
        int n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2f;
    }
}
