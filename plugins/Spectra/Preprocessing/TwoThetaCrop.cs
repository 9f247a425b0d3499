using System.Globalization;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Spectra.Preprocessing;

/// <summary>
/// <c>two-theta-crop</c>: keeps the points with <c>from</c> ≤ 2θ ≤ <c>to</c> (degrees; the grid comes from the
/// loader's <c>two_theta_first</c>/<c>two_theta_last</c> metadata), then at most <c>length</c> of them — the paper
/// keeps 4023 points. The 2θ metadata is updated, so crops compose.
/// </summary>
public sealed class TwoThetaCrop : IPreprocessorPlugin
{
    public string Name => "two-theta-crop";
    public string Description => "keep a 2θ window (degrees) of every spectrum, optionally exactly 'length' points";

    public IReadOnlyList<ParameterSpec> Parameters { get; } = new[]
    {
        new ParameterSpec("from", ParameterType.Number, "lowest 2θ kept, degrees (unset = from the first point)"),
        new ParameterSpec("to", ParameterType.Number, "highest 2θ kept, degrees (unset = to the last point)"),
        ParameterSpec.Int("length", 0, "points kept from the window's start (0 = the whole window); the window must have that many", min: 0),
    };

    public IFittedPreprocessor Fit(TimeSeriesDataset train, PluginArguments args, RunContext context) => Restore(new Dictionary<string, string>(), args);

    public IFittedPreprocessor Restore(IReadOnlyDictionary<string, string> state, PluginArguments args)
    {
        double? from = args.IsSet("from") ? args.GetDouble("from") : null;
        double? to = args.IsSet("to") ? args.GetDouble("to") : null;
        if (from is { } f && to is { } t && t <= f) throw new ArgumentException($"{args.StepName}: 'to' ({t}) must exceed 'from' ({f})");
        return new Fitted(from, to, args.GetInt("length"), args.StepName);
    }

    sealed class Fitted(double? from, double? to, int length, string step) : IFittedPreprocessor
    {
        public IReadOnlyDictionary<string, string> State { get; } = new Dictionary<string, string>();

        public TimeSeriesDataset Transform(TimeSeriesDataset data) => data.WithSamples(PerSample.Map(data, Crop));

        TimeSeriesSample Crop(TimeSeriesSample s)
        {
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
}
