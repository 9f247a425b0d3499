using System.Globalization;
using LstmFcn.Pipeline;
using LstmFcn.Signal;

namespace LstmFcn.Plugins.Signal;

/// <summary>
/// <c>crop-pad</c>: brings every series to one length. Longer series are cropped: a window at a random position in
/// the training set (drawn per series from the run seed, so each fold and seed sees other windows — a cheap
/// augmentation) and the centre window everywhere else (test, held-out folds, new data). Shorter series are padded
/// after their end (or on both sides, the series centred) with zeros or by repeating the edge values. The length
/// (given, or the longest training series when 0) is saved with the model.
/// With <c>windows: true</c> a longer series becomes every window of that length, <c>window_step</c> apart, the last
/// one flush with its end — in training (more examples) and everywhere else, where the engine averages the windows'
/// probabilities back into one prediction per series (<see cref="TimeSeriesSample.WindowOfKey"/>: a soft vote).
/// </summary>
public sealed class CropPad : PreprocessorPlugin<CropPad.Options>
{
    /// <summary>zeros: pad with 0; edge: repeat the first/last value.</summary>
    public enum Padding { Zeros, Edge }

    /// <summary>end: pad after the series; both: split the padding, series centred.</summary>
    public enum PaddingSide { End, Both }

    public sealed record Options : PluginOptions
    {
        [Parameter("target length in points (0 = the longest training series)", Min = 0, Max = 100_000_000)]
        public int Length { get; init; } = 9000;

        [Parameter("zeros: pad with 0; edge: repeat the first/last value")]
        public Padding Pad { get; init; } = Padding.Zeros;

        [Parameter("end: pad after the series; both: split the padding, series centred")]
        public PaddingSide PadSide { get; init; } = PaddingSide.End;

        [Parameter("crop training series at a random position (false: centre, as at evaluation)")]
        public bool RandomCrop { get; init; } = true;

        [Parameter("cut longer series into every window of the length (training and evaluation); predictions of a series' windows are averaged")]
        public bool Windows { get; init; }

        [Parameter("windows: points between window starts (0 = half the length)", Min = 0, Max = 100_000_000)]
        public int WindowStep { get; init; }
    }

    public override string Name => "crop-pad";
    public override string Description => "fixed length: random crop on training data, centre crop otherwise, or sliding windows with a vote; pad short series";

    protected override IFittedPreprocessor Fit(TimeSeriesDataset train, Options options, RunContext context)
    {
        int length = options.Length;
        if (length == 0) length = train.MaxLength;
        if (length == 0) throw new ArgumentException($"{options.Step}: length 0 means the longest training series, but the training set is empty");
        return new Fitted(length, options);
    }

    protected override IFittedPreprocessor Restore(IReadOnlyDictionary<string, string> state, Options options)
    {
        if (!state.TryGetValue("length", out var text))
            throw new InvalidDataException($"{options.Step}: saved preprocessing state lacks 'length'");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length < 1)
            throw new InvalidDataException($"{options.Step}: saved length '{text}' is not a positive integer");
        return new Fitted(length, options);
    }

    sealed class Fitted : IFittedPreprocessor
    {
        readonly int _length, _step;
        readonly bool _edge, _bothSides, _randomCrop, _windows;

        public Fitted(int length, Options options)
        {
            _length = length;
            _edge = options.Pad == Padding.Edge;
            _bothSides = options.PadSide == PaddingSide.Both;
            _randomCrop = options.RandomCrop;
            _windows = options.Windows;
            _step = options.WindowStep is > 0 and var step ? step : Math.Max(1, length / 2);
            State = new Dictionary<string, string> { ["length"] = length.ToString(CultureInfo.InvariantCulture) };
        }

        public IReadOnlyDictionary<string, string> State { get; }

        public TimeSeriesDataset Transform(TimeSeriesDataset data) =>
            _windows
                ? data.WithSamples(PerSeries.MapMany(data, (s, _) => Windows(s)))
                : data.WithSamples(PerSeries.Map(data, (s, _) => Fix(s, (s.Length - _length) / 2)));

        public TimeSeriesDataset TransformTraining(TimeSeriesDataset train, RunContext context) =>
            _windows ? Transform(train) : train.WithSamples(PerSeries.Map(train, (s, i) =>
                Fix(s, _randomCrop && s.Length > _length ? context.RandomFor("crop-pad", i).Next(s.Length - _length + 1) : (s.Length - _length) / 2)));

        /// <summary>
        /// Windows at 0, step, 2·step, … and one ending with the series (so no tail goes unseen); a series no longer
        /// than the length is one (padded) window. Each names its series in <see cref="TimeSeriesSample.WindowOfKey"/>.
        /// </summary>
        TimeSeriesSample[] Windows(TimeSeriesSample s)
        {
            var starts = new List<int>();
            if (s.Length <= _length) starts.Add(0);
            else
            {
                for (int start = 0; start + _length <= s.Length; start += _step) starts.Add(start);
                if (starts[^1] + _length < s.Length) starts.Add(s.Length - _length);
            }
            var windows = new TimeSeriesSample[starts.Count];
            for (int w = 0; w < windows.Length; w++)
            {
                var metadata = new Dictionary<string, string>(s.Metadata) { [TimeSeriesSample.WindowOfKey] = s.Id };
                var window = Fix(s, starts[w]);
                windows[w] = new TimeSeriesSample($"{s.Id}#w{w}", window.Values, window.Channels, s.Label, metadata);
            }
            return windows;
        }

        /// <summary>The series cropped from <paramref name="start"/> when longer, padded when shorter.</summary>
        TimeSeriesSample Fix(TimeSeriesSample s, int start)
        {
            if (s.Length == _length) return s;
            var values = new float[s.Channels * _length];
            for (int c = 0; c < s.Channels; c++)
            {
                var src = s.Channel(c);
                var dst = values.AsSpan(c * _length, _length);
                if (s.Length > _length)
                {
                    src.Slice(start, _length).CopyTo(dst);
                    continue;
                }
                int before = _bothSides ? (_length - s.Length) / 2 : 0;
                src.CopyTo(dst.Slice(before));
                if (_edge)
                {
                    dst[..before].Fill(src[0]);
                    dst[(before + s.Length)..].Fill(src[^1]);
                }
            }
            return s.WithValues(values, s.Channels);
        }
    }
}
