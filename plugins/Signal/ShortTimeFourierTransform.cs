using LstmFcn.Pipeline;
using LstmFcn.Signal;

namespace LstmFcn.Plugins.Signal;

/// <summary>
/// <c>stft</c>: replaces every channel by its <see cref="Spectrogram"/>: a multichannel series whose channels are
/// frequency bins (input channel c, bin b → channel c·bins + b) and whose time axis is frames. With
/// <c>average_frequency</c> each frame's bins are averaged instead, one channel per input channel — a frame-wise
/// spectral level. The recorded sampling rate becomes the frame rate (rate / hop). Learns nothing.
/// </summary>
public sealed class ShortTimeFourierTransform : StatelessPreprocessorPlugin<ShortTimeFourierTransform.Options>
{
    /// <summary>log: ln(|X| + epsilon); linear: |X|.</summary>
    public enum MagnitudeScale { Log, Linear }

    public sealed record Options : PluginOptions
    {
        [Parameter("frame length in points (a power of two)", Min = 2, Max = 65536)]
        public int NFft { get; init; } = 256;

        [Parameter("points between frame starts", Min = 1, Max = 65536)]
        public int Hop { get; init; } = 64;

        [Parameter("keep the lowest bins only (0 = all n_fft/2 + 1)", Min = 0, Max = 32769)]
        public int Bins { get; init; }

        [Parameter("log: ln(|X| + epsilon); linear: |X|")]
        public MagnitudeScale Scale { get; init; } = MagnitudeScale.Log;

        [Parameter("added to magnitudes before the logarithm", Min = 0, Max = 1e6)]
        public double Epsilon { get; init; } = 1e-6;

        [Parameter("reflect-pad n_fft/2 points at both ends so frame f is centred on point f·hop")]
        public bool Center { get; init; }

        [Parameter("average the bins of each frame: one channel per input channel")]
        public bool AverageFrequency { get; init; }

        public override IEnumerable<OptionProblem> Validate()
        {
            if ((NFft & (NFft - 1)) != 0)
                yield return new("n_fft", $"n_fft {NFft} must be a power of two (e.g. 128, 256, 512)");
            else if (Bins > NFft / 2 + 1)
                yield return new("bins", $"bins {Bins} exceeds the {NFft / 2 + 1} bins of n_fft {NFft}");
            if (Scale == MagnitudeScale.Log && Epsilon <= 0)
                yield return new("epsilon", "scale log needs epsilon > 0 (silent frames would give -infinity)");
        }
    }

    public override string Name => "stft";
    public override string Description => "short-time Fourier magnitude (Hann, log): channels = frequency bins, time = frames";

    protected override TimeSeriesDataset Transform(TimeSeriesDataset data, Options options)
    {
        int nFft = options.NFft;
        var spectrogram = new Spectrogram(nFft, options.Hop, options.Bins == 0 ? nFft / 2 + 1 : options.Bins, options.Center,
            options.Scale == MagnitudeScale.Log, options.Epsilon);
        return Frames(data, spectrogram, options.Hop, options.AverageFrequency);
    }

    static TimeSeriesDataset Frames(TimeSeriesDataset data, Spectrogram spectrogram, int hop, bool average)
    {
        int bins = spectrogram.Bins;
        var result = PerSeries.Map(data, (s, _) =>
        {
            int frames = spectrogram.Frames(s.Length);
            int outChannels = average ? s.Channels : s.Channels * bins;
            var values = new float[outChannels * frames];
            var scratch = average ? new float[bins * frames] : null;
            for (int c = 0; c < s.Channels; c++)
            {
                if (scratch is null)
                {
                    spectrogram.Compute(s.Channel(c), values.AsSpan(c * bins * frames, bins * frames));
                    continue;
                }
                spectrogram.Compute(s.Channel(c), scratch);
                var mean = values.AsSpan(c * frames, frames);
                for (int b = 0; b < bins; b++)
                {
                    var row = scratch.AsSpan(b * frames, frames);
                    for (int f = 0; f < frames; f++) mean[f] += row[f];
                }
                for (int f = 0; f < frames; f++) mean[f] /= bins;
            }
            double? frameRate = SamplingRate.TryOf(s, data, out var rate) ? rate / hop : null;
            return new TimeSeriesSample(s.Id, values, outChannels, s.Label, SamplingRate.With(s.Metadata, frameRate));
        });
        return SamplingRate.Relabel(data, result, r => r / hop);
    }
}
