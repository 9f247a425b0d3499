using LstmFcn.Pipeline;

namespace LstmFcn.Samples.MovingAverage;

/// <summary>
/// <c>moving-average</c>: smooths every channel of every series with a centred moving average of <c>window</c> points.
/// The length is kept: near the ends the window is cut short and averages only the points that exist.
/// Learns nothing, so its saved state is empty.
/// </summary>
public sealed class MovingAveragePreprocessor : IPreprocessorPlugin
{
    public string Name => "moving-average";
    public string Description => "centred moving average of every channel (keeps the length)";

    public IReadOnlyList<ParameterSpec> Parameters { get; } = new[]
    {
        ParameterSpec.Int("window", 3, "number of points averaged, centred on each point (1 = unchanged)", min: 1),
    };

    public IFittedPreprocessor Fit(TimeSeriesDataset train, PluginArguments args, RunContext context) =>
        new Fitted(args.GetInt("window"));

    public IFittedPreprocessor Restore(IReadOnlyDictionary<string, string> state, PluginArguments args) =>
        new Fitted(args.GetInt("window"));

    sealed class Fitted : IFittedPreprocessor
    {
        readonly int _window;

        public Fitted(int window) => _window = window;

        public IReadOnlyDictionary<string, string> State { get; } = new Dictionary<string, string>();

        public TimeSeriesDataset Transform(TimeSeriesDataset data)
        {
            var result = new TimeSeriesSample[data.Count];
            for (int i = 0; i < data.Count; i++)
            {
                var s = data.Samples[i];
                var values = new float[s.Values.Length];
                for (int c = 0; c < s.Channels; c++)
                    Smooth(s.Channel(c), values.AsSpan(c * s.Length, s.Length), _window);
                result[i] = s.WithValues(values, s.Channels);
            }
            return data.WithSamples(result);
        }

        /// <summary>Points [t - before, t + after] around t; an even window leans one point towards the past.</summary>
        static void Smooth(ReadOnlySpan<float> source, Span<float> target, int window)
        {
            int before = window / 2, after = window - 1 - before;
            // Prefix sums in double: one pass, no drift from adding and subtracting floats.
            var prefix = new double[source.Length + 1];
            for (int t = 0; t < source.Length; t++) prefix[t + 1] = prefix[t] + source[t];
            for (int t = 0; t < source.Length; t++)
            {
                int from = Math.Max(0, t - before), to = Math.Min(source.Length - 1, t + after);
                target[t] = (float)((prefix[to + 1] - prefix[from]) / (to - from + 1));
            }
        }
    }
}
