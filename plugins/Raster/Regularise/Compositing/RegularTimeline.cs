namespace LstmFcn.Regularisation;

/// <summary>
/// A regular timeline of period P days from an origin (sits_regularize's): interval k is [origin + kP, origin + (k+1)P)
/// and is dated by its first day. Cubes of different tiles regularised with the same origin and period share dates.
/// </summary>
public sealed class RegularTimeline
{
    public RegularTimeline(DateOnly origin, int periodDays, int intervals)
    {
        if (periodDays < 1) throw new ArgumentOutOfRangeException(nameof(periodDays), periodDays, "the period must be at least one day");
        if (intervals < 1) throw new ArgumentOutOfRangeException(nameof(intervals), intervals, "a timeline needs at least one interval");
        Origin = origin;
        PeriodDays = periodDays;
        Dates = Enumerable.Range(0, intervals).Select(k => origin.AddDays(k * periodDays)).ToArray();
    }

    public DateOnly Origin { get; }
    public int PeriodDays { get; }
    /// <summary>The first day of every interval.</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>The interval holding <paramref name="date"/>, or -1 outside the timeline.</summary>
    public int IntervalOf(DateOnly date)
    {
        int days = date.DayNumber - Origin.DayNumber;
        if (days < 0) return -1;
        int k = days / PeriodDays;
        return k < Dates.Count ? k : -1;
    }

    /// <summary>The intervals from <paramref name="origin"/> (default: the first date) that cover every date.</summary>
    public static RegularTimeline Covering(IReadOnlyList<DateOnly> dates, int periodDays, DateOnly? origin = null)
    {
        if (dates.Count == 0) throw new ArgumentException("no dates to regularise", nameof(dates));
        var start = origin ?? dates.Min();
        var last = dates.Max();
        if (last < start) throw new ArgumentException($"every date is before the origin {start:yyyy-MM-dd}", nameof(origin));
        return new RegularTimeline(start, periodDays, (last.DayNumber - start.DayNumber) / periodDays + 1);
    }
}
