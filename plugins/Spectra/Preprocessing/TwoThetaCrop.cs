using System.Globalization;
using LstmFcn.Pipeline;
using LstmFcn.Signal;

namespace LstmFcn.Plugins.Spectra.Preprocessing;

/// <summary>
/// <c>two-theta-crop</c>: keeps the points with <c>from</c> ≤ 2θ ≤ <c>to</c> (degrees; the grid comes from the
/// loader's <c>two_theta_first</c>/<c>two_theta_last</c> metadata), then at most <c>length</c> of them — the paper
/// keeps 4023 points. The 2θ metadata is updated, so crops compose.
/// </summary>
public sealed class TwoThetaCrop : StatelessPreprocessorPlugin<TwoThetaCrop.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("lowest 2θ kept, degrees (unset = from the first point)", Min = -360, Max = 360)]
        public double? From { get; init; }

        [Parameter("highest 2θ kept, degrees (unset = to the last point)", Min = -360, Max = 360)]
        public double? To { get; init; }

        [Parameter("points kept from the window's start (0 = the whole window); the window must have that many", Min = 0, Max = 100_000_000)]
        public int Length { get; init; }

        public override IEnumerable<OptionProblem> Validate()
        {
            if (From is { } f && To is { } t && t <= f) yield return new("to", $"'to' ({t}) must exceed 'from' ({f})");
        }
    }

    public override string Name => "two-theta-crop";
    public override string Description => "keep a 2θ window (degrees) of every spectrum, optionally exactly 'length' points";

    protected override TimeSeriesDataset Transform(TimeSeriesDataset data, Options options) =>
        data.WithSamples(PerSeries.Map(data, (s, _) => Crop(s, options)));

    static TimeSeriesSample Crop(TimeSeriesSample s, Options options)
    {
        var (from, to, length, step) = (options.From, options.To, options.Length, options.Step);
        if (!s.Metadata.TryGetValue("two_theta_first", out var firstText) || !s.Metadata.TryGetValue("two_theta_last", out var lastText))
            throw new InvalidDataException($"{step}: spectrum '{s.Id}' carries no 2θ range (two_theta_first/two_theta_last metadata from the xy-spectra loader)");
        double first = double.Parse(firstText, CultureInfo.InvariantCulture), last = double.Parse(lastText, CultureInfo.InvariantCulture);
        double stepSize = (last - first) / (s.Length - 1);
        // Small tolerance so a bound written with the grid's own rounding still includes its point.
        int start = from is { } f ? Math.Max(0, (int)Math.Ceiling((f - first) / stepSize - 1e-6)) : 0;
        int end = to is { } t ? Math.Min(s.Length - 1, (int)Math.Floor((t - first) / stepSize + 1e-6)) : s.Length - 1;
        int count = end - start + 1;
        if (count < 1) throw new InvalidDataException($"{step}: spectrum '{s.Id}' (2θ {first:G6}…{last:G6}) has no point in the window");
        if (length > 0)
        {
            if (count < length)
                throw new InvalidDataException($"{step}: spectrum '{s.Id}' has {count} points in the window from 2θ {first + start * stepSize:G6}, fewer than length {length}");
            count = length;
        }
        var values = new float[s.Channels * count];
        for (int c = 0; c < s.Channels; c++) s.Values.AsSpan(c * s.Length + start, count).CopyTo(values.AsSpan(c * count, count));
        var metadata = new Dictionary<string, string>(s.Metadata)
        {
            ["two_theta_first"] = (first + start * stepSize).ToString("R", CultureInfo.InvariantCulture),
            ["two_theta_last"] = (first + (start + count - 1) * stepSize).ToString("R", CultureInfo.InvariantCulture),
        };
        return new TimeSeriesSample(s.Id, values, s.Channels, s.Label, metadata);
    }
}
