using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Preprocessing;

/// <summary>
/// <c>fixed-length</c>: brings every series to one length, either by linear resampling or by padding/cropping.
/// The target length (when not given) is learned from the training set's longest series and stored.
/// </summary>
public sealed class FixedLength : PreprocessorPlugin<FixedLength.Options>
{
    public enum Mode { Resample, [Choice("pad-crop")] PadCrop }
    public enum Align { Start, Center, End }

    public sealed record Options : PluginOptions
    {
        [Parameter("target length; 0 = the longest training series", Min = 0, Max = 100_000_000)]
        public int Length { get; init; }

        [Parameter("resample: linear interpolation; pad-crop: pad short series, crop long ones")]
        public Mode Mode { get; init; } = Mode.Resample;

        [Parameter("pad-crop: keep the start, the centre or the end of the series")]
        public Align Align { get; init; } = Align.Start;

        [Parameter("pad-crop: value used for padding", Min = -1e30, Max = 1e30)]
        public double PadValue { get; init; }
    }

    public override string Name => "fixed-length";
    public override string Description => "resample, pad or crop every series to one length";

    protected override IFittedPreprocessor Fit(TimeSeriesDataset train, Options options, RunContext context) =>
        new Fitted(options.Length == 0 ? train.MaxLength : options.Length, options.Mode, options.Align, (float)options.PadValue);

    protected override IFittedPreprocessor Restore(IReadOnlyDictionary<string, string> state, Options options) =>
        new Fitted((int)StateCodec.Decode(state, "length")[0], options.Mode, options.Align, (float)options.PadValue);

    sealed class Fitted : IFittedPreprocessor
    {
        readonly int _length;
        readonly Mode _mode;
        readonly Align _align;
        readonly float _pad;

        public Fitted(int length, Mode mode, Align align, float pad)
        {
            (_length, _mode, _align, _pad) = (length, mode, align, pad);
            State = new Dictionary<string, string> { ["length"] = StateCodec.Encode(new double[] { length }) };
        }

        public IReadOnlyDictionary<string, string> State { get; }

        public TimeSeriesDataset Transform(TimeSeriesDataset data)
        {
            var result = new TimeSeriesSample[data.Count];
            Parallel.For(0, data.Count, i =>
            {
                var s = data.Samples[i];
                if (s.Length == _length) { result[i] = s; return; }
                var values = new float[s.Channels * _length];
                for (int c = 0; c < s.Channels; c++)
                {
                    var dst = values.AsSpan(c * _length, _length);
                    if (_mode == Mode.Resample) Resample(s.Channel(c), dst);
                    else PadCrop(s.Channel(c), dst);
                }
                result[i] = s.WithValues(values, s.Channels);
            });
            return data.WithSamples(result);
        }

        static void Resample(ReadOnlySpan<float> src, Span<float> dst)
        {
            if (src.Length == 1) { dst.Fill(src[0]); return; }
            double step = (src.Length - 1) / (double)Math.Max(1, dst.Length - 1);
            for (int t = 0; t < dst.Length; t++)
            {
                double x = t * step;
                int i = Math.Min((int)x, src.Length - 2);
                double f = x - i;
                dst[t] = (float)(src[i] * (1 - f) + src[i + 1] * f);
            }
        }

        void PadCrop(ReadOnlySpan<float> src, Span<float> dst)
        {
            dst.Fill(_pad);
            int n = Math.Min(src.Length, dst.Length);
            int srcStart = 0, dstStart = 0;
            int slack = Math.Abs(src.Length - dst.Length);
            int shift = _align switch { Align.Center => slack / 2, Align.End => slack, _ => 0 };
            if (src.Length > dst.Length) srcStart = shift; else dstStart = shift;
            src.Slice(srcStart, n).CopyTo(dst.Slice(dstStart, n));
        }
    }
}
