using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>stft</c> turns a series into its log-magnitude spectrogram: one channel per frequency bin, one time step per
/// frame of n_fft points (Hann window) every hop points; or, with average_frequency, one channel of per-frame means.
/// </summary>
public sealed class StftSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    TimeSeriesDataset Stft(TimeSeriesDataset data, params (string, object?)[] args)
    {
        var plugin = Plugins.Preprocessor("stft");
        return plugin.Fit(data, Plugins.Arguments(plugin, args), Plugins.Context(_temp.Path)).Transform(data);
    }

    [Fact]
    public void A_pure_tone_peaks_at_its_bin_in_every_frame()
    {
        // 300 · 20 / 256 Hz falls exactly on bin 20 of a 256-point frame.
        var data = Signals.Dataset(300, Signals.Sine(300.0 * 20 / 256, 300, 3000));

        var s = Stft(data).Samples[0];

        Assert.Equal(129, s.Channels);
        Assert.Equal(1 + (3000 - 256) / 64, s.Length);
        for (int f = 0; f < s.Length; f++)
        {
            int best = 0;
            for (int b = 1; b < s.Channels; b++)
                if (s.Channel(b)[f] > s.Channel(best)[f]) best = b;
            Assert.Equal(20, best);
        }
    }

    [Fact]
    public void Values_are_the_log_magnitude_of_the_hann_windowed_frame()
    {
        var x = Signals.Reference(700);

        var s = Stft(Signals.Dataset(300, x)).Samples[0];

        // Frame 3, bins 0, 7 and 128, by a direct DFT of the periodic-Hann-windowed points 192..447.
        foreach (var bin in new[] { 0, 7, 128 })
        {
            double re = 0, im = 0;
            for (int i = 0; i < 256; i++)
            {
                double w = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / 256);
                double angle = 2 * Math.PI * bin * i / 256;
                re += x[192 + i] * w * Math.Cos(angle);
                im -= x[192 + i] * w * Math.Sin(angle);
            }
            Assert.Equal(Math.Log(Math.Sqrt(re * re + im * im) + 1e-6), s.Channel(bin)[3], 1e-4);
        }
    }

    [Fact]
    public void Average_frequency_gives_one_channel_of_per_frame_means()
    {
        var data = Signals.Dataset(300, Signals.Reference(3000));

        var full = Stft(data).Samples[0];
        var averaged = Stft(data, ("average_frequency", true)).Samples[0];

        Assert.Equal(1, averaged.Channels);
        Assert.Equal(full.Length, averaged.Length);
        for (int f = 0; f < full.Length; f++)
        {
            double mean = 0;
            for (int b = 0; b < full.Channels; b++) mean += full.Channel(b)[f];
            Assert.Equal(mean / full.Channels, averaged.Values[f], 1e-4);
        }
    }

    [Fact]
    public void Bins_keep_the_lowest_frequencies_and_centring_adds_frames()
    {
        var data = Signals.Dataset(300, Signals.Reference(3000));

        var full = Stft(data).Samples[0];
        var low = Stft(data, ("bins", 40)).Samples[0];
        var centred = Stft(data, ("center", true)).Samples[0];

        Assert.Equal(40, low.Channels);
        Assert.Equal(full.Values[..(40 * full.Length)], low.Values);
        Assert.Equal(1 + 3000 / 64, centred.Length);
    }

    [Fact]
    public void Every_input_channel_gets_its_own_block_of_bins_and_the_rate_becomes_the_frame_rate()
    {
        var a = Signals.Reference(1000);
        var b = Signals.Sine(50, 300, 1000);
        var meta = new Dictionary<string, string> { ["sampling_rate"] = "256" };
        var data = new TimeSeriesDataset(new[] { new TimeSeriesSample("m", a.Concat(b).ToArray(), 2, 0, meta) }, new ClassLabels(new[] { "x" }), meta);

        var both = Stft(data, ("bins", 10)).Samples[0];
        var first = Stft(Signals.Dataset(256, a), ("bins", 10)).Samples[0];
        var second = Stft(Signals.Dataset(256, b), ("bins", 10)).Samples[0];

        Assert.Equal(20, both.Channels);
        Assert.Equal(first.Values.Concat(second.Values), both.Values);
        Assert.Equal("4", both.Metadata["sampling_rate"]);
    }

    [Fact]
    public void A_frame_length_that_is_not_a_power_of_two_is_refused()
    {
        var e = Assert.ThrowsAny<Exception>(() => Stft(Signals.Dataset(300, Signals.Reference(1000)), ("n_fft", 200)));

        Assert.Equal("test (stft): n_fft 200 must be a power of two (e.g. 128, 256, 512)", e.Message);
    }

    [Fact]
    public void Restored_from_its_state_it_transforms_identically()
    {
        var plugin = Plugins.Preprocessor("stft");
        var args = Plugins.Arguments(plugin, ("n_fft", 128), ("hop", 32), ("average_frequency", true));
        var data = Signals.Dataset(300, Signals.Reference(900), Signals.Reference(100));

        var fitted = plugin.Fit(data, args, Plugins.Context(_temp.Path));
        var restored = plugin.Restore(fitted.State.ToDictionary(kv => kv.Key, kv => kv.Value), args);

        var expected = fitted.Transform(data);
        var actual = restored.Transform(data);
        for (int i = 0; i < data.Count; i++) Assert.Equal(expected.Samples[i].Values, actual.Samples[i].Values);
        // A series shorter than one frame is zero-padded to one frame.
        Assert.Equal(1, expected.Samples[1].Length);
    }
}
