using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>resample</c> changes the sampling rate by an anti-aliased polyphase filter (the method of
/// scipy.signal.resample_poly): a sine keeps its frequency, the length scales by the rate ratio, what would alias is
/// removed, and the new rate is recorded for later steps.
/// </summary>
public sealed class ResampleSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    TimeSeriesDataset Resample(TimeSeriesDataset data, params (string, object?)[] args)
    {
        var plugin = Plugins.Preprocessor("resample");
        var fitted = plugin.Fit(data, Plugins.Arguments(plugin, args), Plugins.Context(_temp.Path));
        return fitted.Transform(data);
    }

    string Error(TimeSeriesDataset data, params (string, object?)[] args) =>
        Assert.ThrowsAny<Exception>(() => Resample(data, args)).Message;

    [Fact]
    public void A_sine_keeps_its_frequency_and_the_length_scales_by_the_rate_ratio()
    {
        var data = Signals.Dataset(300, Signals.Sine(5, 300, 3000));

        var result = Resample(data, ("rate", 100.0));

        var y = result.Samples[0];
        Assert.Equal(1000, y.Length);
        Assert.Equal(5.0, Signals.DominantFrequency(y.Values, 100), 6);
        // The amplitude is kept to the filter's pass-band ripple (0.12 % here, as scipy) away from the ends, where the
        // signal is taken as 0 outside. A unit sine has RMS 1/√2.
        Assert.Equal(1 / Math.Sqrt(2), Signals.InteriorRms(y.Values, 50), 2);
        Assert.Equal("100", y.Metadata["sampling_rate"]);
        Assert.Equal("100", result.Metadata["sampling_rate"]);
    }

    [Fact]
    public void Upsampling_keeps_the_frequency_too()
    {
        var data = Signals.Dataset(100, Signals.Sine(7, 100, 1000));

        var y = Resample(data, ("rate", 250.0)).Samples[0];

        Assert.Equal(2500, y.Length);
        Assert.Equal(7.0, Signals.DominantFrequency(y.Values, 250), 6);
        Assert.Equal(1 / Math.Sqrt(2), Signals.InteriorRms(y.Values, 100), 3);
    }

    [Fact]
    public void Downsampling_removes_frequencies_above_the_new_nyquist_instead_of_folding_them()
    {
        // 140 Hz at 300 Hz would fold to 40 Hz at 100 Hz without the anti-aliasing filter.
        var data = Signals.Dataset(300, Signals.Sine(140, 300, 3000));

        var y = Resample(data, ("rate", 100.0)).Samples[0];

        var attenuation = Signals.Decibels(Signals.InteriorRms(y.Values, 50) / (1 / Math.Sqrt(2)));
        Assert.True(attenuation < -60, $"a 140 Hz sine is only {attenuation:F1} dB down after resampling to 100 Hz");
    }

    [Theory]
    // scipy.signal.resample_poly(x, up, down) of Signals.Reference(900): length, then values at 0, 1, n/2 and n−1.
    [InlineData(1, 3, 300, 0.2164665189565952, 0.3814373426227005, 4.101555370127172, 10.473280462629077)]
    [InlineData(5, 6, 750, 0.2777091641298129, 0.35953668108147024, 4.103555518807099, 9.909864514228918)]
    [InlineData(2, 1, 1800, 0.30015525310591573, 0.360432530701369, 4.103854302778784, 4.8090254465480475)]
    public void Matches_scipy_resample_poly(int up, int down, int length, double first, double second, double middle, double last)
    {
        var data = Signals.Dataset(300, Signals.Reference(900));

        var y = Resample(data, ("rate", 300.0 * up / down)).Samples[0].Values;
        var byFactor = Resample(data, ("factor", (double)up / down)).Samples[0].Values;

        Assert.Equal(length, y.Length);
        Assert.Equal(new[] { first, second, middle, last }, new double[] { y[0], y[1], y[length / 2], y[^1] }, (a, b) => Math.Abs(a - b) < 2e-6);
        Assert.Equal(y, byFactor);
    }

    [Theory]
    [InlineData(10, 0.5, 5)]
    [InlineData(11, 0.5, 6)]
    [InlineData(7, 1.5, 11)]
    public void By_factor_the_length_is_the_ceiling_of_n_times_the_factor(int n, double factor, int expected)
    {
        var data = Signals.Dataset(null, Signals.Reference(n));

        var result = Resample(data, ("factor", factor));

        Assert.Equal(expected, result.Samples[0].Length);
        Assert.False(result.Samples[0].Metadata.ContainsKey("sampling_rate"));
    }

    [Fact]
    public void Each_series_is_resampled_from_its_own_rate()
    {
        var at300 = new TimeSeriesSample("a", Signals.Sine(5, 300, 3000), 1, 0, new Dictionary<string, string> { ["sampling_rate"] = "300" });
        var at250 = new TimeSeriesSample("b", Signals.Sine(5, 250, 2500), 1, 0, new Dictionary<string, string> { ["sampling_rate"] = "250" });
        var data = new TimeSeriesDataset(new[] { at300, at250 }, new ClassLabels(new[] { "x" }));

        var result = Resample(data, ("rate", 100.0));

        Assert.All(result.Samples, s => Assert.Equal(1000, s.Length));
        Assert.All(result.Samples, s => Assert.Equal(5.0, Signals.DominantFrequency(s.Values, 100), 6));
        Assert.Equal("100", result.Metadata["sampling_rate"]);
    }

    [Fact]
    public void The_source_rate_parameter_serves_series_without_metadata()
    {
        var data = Signals.Dataset(null, Signals.Sine(5, 300, 3000));

        var y = Resample(data, ("rate", 100.0), ("source_rate", 300.0)).Samples[0];

        Assert.Equal(1000, y.Length);
        Assert.Equal("100", y.Metadata["sampling_rate"]);
    }

    [Fact]
    public void A_series_without_a_known_rate_is_an_error_naming_it()
    {
        Assert.Equal("test (resample): series 's0' has no 'sampling_rate' metadata; set the step's 'rate' parameter (Hz)",
            Error(Signals.Dataset(null, Signals.Reference(30)), ("rate", 100.0)));
    }

    [Fact]
    public void A_source_rate_that_contradicts_the_metadata_is_an_error()
    {
        Assert.Equal("test (resample): parameter rate 250 Hz contradicts series 's0', recorded at 300 Hz",
            Error(Signals.Dataset(300, Signals.Reference(30)), ("rate", 100.0), ("source_rate", 250.0)));
    }

    [Fact]
    public void Rate_and_factor_exclude_each_other()
    {
        var data = Signals.Dataset(300, Signals.Reference(30));

        Assert.Equal("test (resample): give exactly one of 'rate' (Hz) and 'factor'", Error(data));
        Assert.Equal("test (resample): give exactly one of 'rate' (Hz) and 'factor'", Error(data, ("rate", 100.0), ("factor", 0.5)));
    }

    [Fact]
    public void A_ratio_that_is_no_simple_fraction_is_refused()
    {
        Assert.Equal("test (resample): 300 Hz → 100.0001 Hz (series 's0') is not a fraction with terms up to 1000; choose another target rate",
            Error(Signals.Dataset(300, Signals.Reference(30)), ("rate", 100.0001)));
    }

    [Fact]
    public void Restored_from_its_state_it_resamples_identically()
    {
        var plugin = Plugins.Preprocessor("resample");
        var args = Plugins.Arguments(plugin, ("rate", 128.0));
        var data = Signals.Dataset(300, Signals.Reference(900), Signals.Reference(451));

        var fitted = plugin.Fit(data, args, Plugins.Context(_temp.Path));
        var restored = plugin.Restore(fitted.State.ToDictionary(kv => kv.Key, kv => kv.Value), args);

        var expected = fitted.Transform(data);
        var actual = restored.Transform(data);
        Assert.Equal(384, expected.Samples[0].Length); // 900 · 32/75
        for (int i = 0; i < data.Count; i++) Assert.Equal(expected.Samples[i].Values, actual.Samples[i].Values);
    }
}
