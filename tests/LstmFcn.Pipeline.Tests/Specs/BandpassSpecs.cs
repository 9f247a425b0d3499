using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>bandpass</c> is a zero-phase Butterworth filter (scipy.signal.butter(output='sos') + sosfiltfilt): it passes
/// sines inside the band unchanged in amplitude and phase, attenuates those outside, and takes the sampling rate from
/// the series' metadata or its <c>rate</c> parameter.
/// </summary>
public sealed class BandpassSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    TimeSeriesDataset Filter(TimeSeriesDataset data, params (string, object?)[] args)
    {
        var plugin = Plugins.Preprocessor("bandpass");
        return plugin.Fit(data, Plugins.Arguments(plugin, args), Plugins.Context(_temp.Path)).Transform(data);
    }

    string Error(TimeSeriesDataset data, params (string, object?)[] args) =>
        Assert.ThrowsAny<Exception>(() => Filter(data, args)).Message;

    /// <summary>Gain in dB of a unit sine at <paramref name="hz"/> through the default 0.5–40 Hz filter at 300 Hz, 30 s.</summary>
    double GainDb(double hz, params (string, object?)[] args)
    {
        var x = Signals.Sine(hz, 300, 9000);
        var y = Filter(Signals.Dataset(300, x), args).Samples[0].Values;
        return Signals.Decibels(Signals.InteriorRms(y, 1500) / Signals.InteriorRms(x, 1500));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(60)]
    [InlineData(100)]
    [InlineData(140)]
    public void Sines_outside_the_band_lose_at_least_20_dB(double hz)
    {
        var gain = GainDb(hz);

        Assert.True(gain <= -20, $"{hz} Hz: {gain:F1} dB");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(25)]
    public void Sines_inside_the_band_pass_unchanged_in_amplitude_and_phase(double hz)
    {
        var x = Signals.Sine(hz, 300, 9000);

        var y = Filter(Signals.Dataset(300, x)).Samples[0].Values;

        // Within 0.5 dB (a Butterworth response is maximally flat, not flat: 25 Hz loses 0.125 dB over both passes)...
        Assert.True(Math.Abs(GainDb(hz)) < 0.5, $"{hz} Hz: {GainDb(hz):F3} dB");
        // ...and zero phase: the output lies on the input, sample for sample, away from the ends.
        for (int t = 1500; t < 7500; t += 37) Assert.Equal(x[t], y[t], 0.02);
    }

    [Fact]
    public void Low_zero_gives_a_low_pass_and_high_zero_a_high_pass()
    {
        Assert.True(Math.Abs(GainDb(0.2, ("low", 0.0))) < 0.1);
        Assert.True(GainDb(100, ("low", 0.0)) < -20);
        Assert.True(Math.Abs(GainDb(100, ("high", 0.0), ("low", 5.0))) < 0.1);
        Assert.True(GainDb(1, ("high", 0.0), ("low", 5.0)) < -20);
    }

    [Theory]
    // scipy.signal.sosfiltfilt(scipy.signal.butter(order, edges, btype, fs=300, output='sos'), Signals.Reference(900))
    // at points 0, 10, 450 and 899.
    [InlineData(4, 0.5, 40.0, 0.13045813602786457, 0.04350572056176269, -0.5332975232740084, -0.07225733770181059)]
    [InlineData(3, 0.5, 40.0, 0.2513014456541676, 0.15413567935372646, -0.5512916181365819, -0.36225358824583087)]
    [InlineData(4, 5.0, 0.0, 8.59872945109183e-05, -0.3622064609387333, 0.08758707877306132, 0.14204551556355438)]
    [InlineData(4, 0.0, 40.0, 0.3004509988405577, 0.2789983524165501, 4.101711331577957, 9.630402821658018)]
    public void Matches_scipy_sosfiltfilt(int order, double low, double high, double at0, double at10, double at450, double at899)
    {
        var y = Filter(Signals.Dataset(300, Signals.Reference(900)), ("order", order), ("low", low), ("high", high)).Samples[0].Values;

        Assert.Equal(new[] { at0, at10, at450, at899 }, new double[] { y[0], y[10], y[450], y[899] }, (a, b) => Math.Abs(a - b) < 2e-6);
    }

    [Fact]
    public void The_rate_parameter_serves_series_without_metadata()
    {
        var x = Signals.Reference(900);

        var withMetadata = Filter(Signals.Dataset(300, x)).Samples[0].Values;
        var withParameter = Filter(Signals.Dataset(null, x), ("rate", 300.0)).Samples[0].Values;

        Assert.Equal(withMetadata, withParameter);
    }

    [Fact]
    public void A_cut_off_at_or_above_nyquist_is_an_error_naming_the_series()
    {
        Assert.Equal("test (bandpass): high cut-off 40 Hz is not below the Nyquist frequency 25 Hz of series 's0' (rate 50 Hz)",
            Error(Signals.Dataset(50, Signals.Reference(300))));
    }

    [Fact]
    public void Cut_offs_in_the_wrong_order_are_refused()
    {
        Assert.Equal("test (bandpass): low cut-off 40 Hz must be below the high cut-off 10 Hz",
            Error(Signals.Dataset(300, Signals.Reference(300)), ("low", 40.0), ("high", 10.0)));
        Assert.Equal("test (bandpass): set a low or a high cut-off (both are 0)",
            Error(Signals.Dataset(300, Signals.Reference(300)), ("low", 0.0), ("high", 0.0)));
    }

    [Fact]
    public void Restored_from_its_state_it_filters_identically()
    {
        var plugin = Plugins.Preprocessor("bandpass");
        var args = Plugins.Arguments(plugin, ("low", 1.0), ("high", 30.0));
        var data = Signals.Dataset(300, Signals.Reference(900), Signals.Sine(3, 300, 600));

        var fitted = plugin.Fit(data, args, Plugins.Context(_temp.Path));
        var restored = plugin.Restore(fitted.State.ToDictionary(kv => kv.Key, kv => kv.Value), args);

        var expected = fitted.Transform(data);
        var actual = restored.Transform(data);
        for (int i = 0; i < data.Count; i++) Assert.Equal(expected.Samples[i].Values, actual.Samples[i].Values);
    }
}
