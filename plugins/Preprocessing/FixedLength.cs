using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Preprocessing;

/// <summary>
/// <c>fixed-length</c>: brings every series to one length, either by linear resampling or by padding/cropping.
/// The target length (when not given) is learned from the training set's longest series and stored.
/// </summary>
public sealed class FixedLength : IPreprocessorPlugin
{
    public string Name => "fixed-length";
    public string Description => "resample, pad or crop every series to one length";

    public IReadOnlyList<ParameterSpec> Parameters { get; } = new[]
    {
        ParameterSpec.Int("length", 0, "target length; 0 = the longest training series", min: 0),
        ParameterSpec.Choice("mode", "resample", "resample: linear interpolation; pad-crop: pad short series, crop long ones", "resample", "pad-crop"),
        ParameterSpec.Choice("align", "start", "pad-crop: keep the start, the centre or the end of the series", "start", "center", "end"),
        ParameterSpec.Number("pad_value", 0, "pad-crop: value used for padding"),
    };

    public IFittedPreprocessor Fit(TimeSeriesDataset train, PluginArguments args, RunContext context)
    {
        int length = args.GetInt("length");
        if (length == 0) length = train.MaxLength;
        return new Fitted(length, args.GetString("mode"), args.GetString("align"), (float)args.GetDouble("pad_value"));
    }

    public IFittedPreprocessor Restore(IReadOnlyDictionary<string, string> state, PluginArguments args) =>
        new Fitted((int)StateCodec.Decode(state, "length")[0], args.GetString("mode"), args.GetString("align"), (float)args.GetDouble("pad_value"));

    sealed class Fitted : IFittedPreprocessor
    {
        readonly int _length;
        readonly string _mode, _align;
        readonly float _pad;

        public Fitted(int length, string mode, string align, float pad)
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
                    if (_mode == "resample") Resample(s.Channel(c), dst);
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
            int shift = _align switch { "center" => slack / 2, "end" => slack, _ => 0 };
            if (src.Length > dst.Length) srcStart = shift; else dstStart = shift;
            src.Slice(srcStart, n).CopyTo(dst.Slice(dstStart, n));
        }
    }
}
