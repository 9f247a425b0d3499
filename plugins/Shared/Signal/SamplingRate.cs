using System.Globalization;
using LstmFcn.Pipeline;

namespace LstmFcn.Signal;

/// <summary>
/// (Compiled into the plugins that set UsesSharedSignal: Signal, Ecg, Spectra.) The sampling rate of a series, in Hz, as loaders record it: metadata key <c>sampling_rate</c> on the series, else
/// on the dataset, else a step's <c>rate</c> parameter. A parameter that contradicts the metadata is an error rather
/// than a silent choice.
/// </summary>
public static class SamplingRate
{
    public const string Key = "sampling_rate";

    public static double Of(TimeSeriesSample sample, TimeSeriesDataset data, double? parameter, string step)
    {
        var text = sample.Metadata.TryGetValue(Key, out var s) ? s : data.Metadata.TryGetValue(Key, out var d) ? d : null;
        if (text is null)
            return parameter ?? throw new InvalidDataException(
                $"{step}: series '{sample.Id}' has no '{Key}' metadata; set the step's 'rate' parameter (Hz)");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || !(rate > 0) || double.IsInfinity(rate))
            throw new InvalidDataException($"{step}: series '{sample.Id}' has {Key} '{text}', expected a positive number of Hz");
        if (parameter is { } p && Math.Abs(p - rate) > 1e-9 * rate)
            throw new InvalidDataException($"{step}: parameter rate {Format(p)} Hz contradicts series '{sample.Id}', recorded at {text} Hz");
        return rate;
    }

    public static bool TryOf(TimeSeriesSample sample, TimeSeriesDataset data, out double rate)
    {
        rate = 0;
        var text = sample.Metadata.TryGetValue(Key, out var s) ? s : data.Metadata.TryGetValue(Key, out var d) ? d : null;
        return text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out rate) && rate > 0;
    }

    public static string Format(double hz) => hz.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A sample's metadata with its rate replaced (or removed when <paramref name="rate"/> is null).</summary>
    public static IReadOnlyDictionary<string, string> With(IReadOnlyDictionary<string, string> metadata, double? rate)
    {
        var copy = new Dictionary<string, string>(metadata);
        if (rate is { } r) copy[Key] = Format(r);
        else copy.Remove(Key);
        return copy;
    }

    /// <summary>
    /// The dataset after a step that changes rates: its rate is the one all transformed series share (none when they
    /// differ); an empty dataset takes <paramref name="nominal"/> of its own rate.
    /// </summary>
    public static TimeSeriesDataset Relabel(TimeSeriesDataset data, IReadOnlyList<TimeSeriesSample> samples, Func<double, double?> nominal)
    {
        double? rate = null;
        if (samples.Count == 0)
        {
            if (data.Metadata.TryGetValue(Key, out var t) && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var r))
                rate = nominal(r);
        }
        else
        {
            var distinct = samples.Select(s => s.Metadata.TryGetValue(Key, out var v) ? v : null).Distinct().ToList();
            if (distinct is [{ } only] && double.TryParse(only, NumberStyles.Float, CultureInfo.InvariantCulture, out var r)) rate = r;
        }
        return new TimeSeriesDataset(samples, data.Classes, With(data.Metadata, rate));
    }
}
