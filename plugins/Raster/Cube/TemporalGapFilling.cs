namespace LstmFcn.Plugins.Raster.Cube;

/// <summary>
/// Fills nodata (NaN) in a pixel's series by linear interpolation in time between the nearest valid dates; before
/// the first and after the last valid date the nearest valid value is repeated. Positions are days, so uneven
/// intervals (a 13-day step at the new year in MODIS 16-day composites) are weighted correctly.
/// </summary>
public sealed class TemporalGapFilling
{
    readonly double[] _days;

    public TemporalGapFilling(IReadOnlyList<DateOnly> dates)
    {
        _days = new double[dates.Count];
        for (int i = 0; i < dates.Count; i++) _days[i] = dates[i].DayNumber;
    }

    /// <summary>Fills one band's series in place; false when every value is nodata (the pixel is masked).</summary>
    public bool Fill(Span<float> series)
    {
        int n = series.Length, previous = -1;
        for (int i = 0; i < n; i++)
        {
            if (float.IsNaN(series[i])) continue;
            if (previous < 0)
                series[..i].Fill(series[i]);
            else if (i - previous > 1)
            {
                double span = _days[i] - _days[previous];
                for (int j = previous + 1; j < i; j++)
                {
                    double w = (_days[j] - _days[previous]) / span;
                    series[j] = (float)(series[previous] * (1 - w) + series[i] * w);
                }
            }
            previous = i;
        }
        if (previous < 0) return false;
        series[(previous + 1)..].Fill(series[previous]);
        return true;
    }
}
