using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Signal;

/// <summary>
/// <c>stft</c>: replaces every channel by its <see cref="Spectrogram"/>: a multichannel series whose channels are
/// frequency bins (input channel c, bin b → channel c·bins + b) and whose time axis is frames. With
/// <c>average_frequency</c> each frame's bins are averaged instead, one channel per input channel — a frame-wise
/// spectral level. The recorded sampling rate becomes the frame rate (rate / hop). Learns nothing.
/// </summary>
public sealed class ShortTimeFourierTransform : IPreprocessorPlugin
{
    public string Name => "stft";
    public string Description => "short-time Fourier magnitude (Hann, log): channels = frequency bins, time = frames";

    public IReadOnlyList<ParameterSpec> Parameters { get; } = new[]
    {
        ParameterSpec.Int("n_fft", 256, "frame length in points (a power of two)", min: 2, max: 65536),
        ParameterSpec.Int("hop", 64, "points between frame starts", min: 1),
        ParameterSpec.Int("bins", 0, "keep the lowest bins only (0 = all n_fft/2 + 1)", min: 0),
        ParameterSpec.Choice("scale", "log", "log: ln(|X| + epsilon); linear: |X|", "log", "linear"),
        ParameterSpec.Number("epsilon", 1e-6, "added to magnitudes before the logarithm", min: 0),
        ParameterSpec.Bool("center", false, "reflect-pad n_fft/2 points at both ends so frame f is centred on point f·hop"),
        ParameterSpec.Bool("average_frequency", false, "average the bins of each frame: one channel per input channel"),
    };

    public IFittedPreprocessor Fit(TimeSeriesDataset train, PluginArguments args, RunContext context) => Create(args);

    public IFittedPreprocessor Restore(IReadOnlyDictionary<string, string> state, PluginArguments args) => Create(args);

    static Fitted Create(PluginArguments args)
    {
        int nFft = args.GetInt("n_fft"), bins = args.GetInt("bins");
        if ((nFft & (nFft - 1)) != 0) throw new ArgumentException($"{args.StepName}: n_fft {nFft} must be a power of two (e.g. 128, 256, 512)");
        if (bins > nFft / 2 + 1) throw new ArgumentException($"{args.StepName}: bins {bins} exceeds the {nFft / 2 + 1} bins of n_fft {nFft}");
        if (args.GetString("scale") == "log" && args.GetDouble("epsilon") <= 0)
            throw new ArgumentException($"{args.StepName}: scale log needs epsilon > 0 (silent frames would give -infinity)");
        var spectrogram = new Spectrogram(nFft, args.GetInt("hop"), bins == 0 ? nFft / 2 + 1 : bins, args.GetBool("center"),
            args.GetString("scale") == "log", args.GetDouble("epsilon"));
        return new Fitted(spectrogram, args.GetInt("hop"), args.GetBool("average_frequency"));
    }

    sealed class Fitted : IFittedPreprocessor
    {
        readonly Spectrogram _spectrogram;
        readonly int _hop;
        readonly bool _average;

        public Fitted(Spectrogram spectrogram, int hop, bool average) => (_spectrogram, _hop, _average) = (spectrogram, hop, average);

        public IReadOnlyDictionary<string, string> State { get; } = new Dictionary<string, string>();

        public TimeSeriesDataset Transform(TimeSeriesDataset data)
        {
            int bins = _spectrogram.Bins;
            var result = PerSeries.Map(data, (s, _) =>
            {
                int frames = _spectrogram.Frames(s.Length);
                int outChannels = _average ? s.Channels : s.Channels * bins;
                var values = new float[outChannels * frames];
                var scratch = _average ? new float[bins * frames] : null;
                for (int c = 0; c < s.Channels; c++)
                {
                    if (scratch is null)
                    {
                        _spectrogram.Compute(s.Channel(c), values.AsSpan(c * bins * frames, bins * frames));
                        continue;
                    }
                    _spectrogram.Compute(s.Channel(c), scratch);
                    var mean = values.AsSpan(c * frames, frames);
                    for (int b = 0; b < bins; b++)
                    {
                        var row = scratch.AsSpan(b * frames, frames);
                        for (int f = 0; f < frames; f++) mean[f] += row[f];
                    }
                    for (int f = 0; f < frames; f++) mean[f] /= bins;
                }
                double? frameRate = SamplingRate.TryOf(s, data, out var rate) ? rate / _hop : null;
                return new TimeSeriesSample(s.Id, values, outChannels, s.Label, SamplingRate.With(s.Metadata, frameRate));
            });
            return SamplingRate.Relabel(data, result, r => r / _hop);
        }
    }
}
