using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>paa</c> (piecewise aggregate approximation) replaces equal stretches of a series by their means, to a fixed
/// length or a compression ratio; stretches that split a point share it by fraction.
/// </summary>
public sealed class PaaSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    TimeSeriesDataset Paa(TimeSeriesDataset data, params (string, object?)[] args)
    {
        var plugin = Plugins.Preprocessor("paa");
        return plugin.Fit(data, Plugins.Arguments(plugin, args), Plugins.Context(_temp.Path)).Transform(data);
    }

    [Theory]
    [InlineData(0.5, 500)]
    [InlineData(0.25, 250)]
    [InlineData(0.1, 100)]
    [InlineData(0.3, 300)]
    public void A_constant_stays_constant_and_the_ratio_sets_the_length(double ratio, int length)
    {
        var data = Signals.Dataset(300, Enumerable.Repeat(2.5f, 1000).ToArray(), Enumerable.Repeat(-1f, 333).ToArray());

        var result = Paa(data, ("ratio", ratio));

        Assert.Equal(length, result.Samples[0].Length);
        Assert.Equal((int)Math.Round(333 * ratio, MidpointRounding.AwayFromZero), result.Samples[1].Length);
        Assert.All(result.Samples[0].Values, v => Assert.Equal(2.5f, v, 5));
        Assert.All(result.Samples[1].Values, v => Assert.Equal(-1f, v, 5));
    }

    [Fact]
    public void Equal_segments_are_plain_means()
    {
        var result = Paa(Signals.Dataset(null, new float[] { 1, 2, 3, 4, 5, 6, 7, 8 }), ("length", 4));

        Assert.Equal(new[] { 1.5f, 3.5f, 5.5f, 7.5f }, result.Samples[0].Values);
    }

    [Fact]
    public void A_point_split_between_segments_counts_by_fraction()
    {
        // Segments [0, 2.5) and [2.5, 5): (1 + 2 + ½·3) / 2.5 and (½·3 + 4 + 5) / 2.5.
        var result = Paa(Signals.Dataset(null, new float[] { 1, 2, 3, 4, 5 }), ("length", 2));

        Assert.Equal(new[] { 1.8f, 4.2f }, result.Samples[0].Values, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void A_fixed_length_equalises_unequal_series_and_rescales_their_rates()
    {
        var data = Signals.Dataset(300, Signals.Reference(900), Signals.Reference(450));

        var result = Paa(data, ("length", 90));

        Assert.True(result.IsEqualLength);
        Assert.Equal(90, result.MaxLength);
        Assert.Equal(new[] { "30", "60" }, result.Samples.Select(s => s.Metadata["sampling_rate"]));
        Assert.False(result.Metadata.ContainsKey("sampling_rate")); // the series no longer share one rate
    }

    [Fact]
    public void Ratio_and_length_exclude_each_other()
    {
        var e = Assert.ThrowsAny<Exception>(() => Paa(Signals.Dataset(null, new float[] { 1, 2 }), ("ratio", 0.5), ("length", 1)));

        Assert.Equal("test (paa): give exactly one of 'ratio' and 'length'", e.Message);
    }

    [Fact]
    public void Restored_from_its_state_it_transforms_identically()
    {
        var plugin = Plugins.Preprocessor("paa");
        var args = Plugins.Arguments(plugin, ("ratio", 0.1));
        var data = Signals.Dataset(300, Signals.Reference(907));

        var fitted = plugin.Fit(data, args, Plugins.Context(_temp.Path));
        var restored = plugin.Restore(fitted.State.ToDictionary(kv => kv.Key, kv => kv.Value), args);

        Assert.Equal(fitted.Transform(data).Samples[0].Values, restored.Transform(data).Samples[0].Values);
        Assert.Equal(91, restored.Transform(data).Samples[0].Length);
    }
}
