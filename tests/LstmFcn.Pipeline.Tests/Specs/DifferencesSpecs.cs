using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The <c>differences</c> preprocessor: every channel's step-to-step changes become new channels (named after their
/// source), after the originals or instead of them.
/// </summary>
public sealed class DifferencesSpecs
{
    static IPreprocessorPlugin Differences => Plugins.Preprocessor("differences");

    static TimeSeriesDataset TwoChannels() => new(
        new[] { new TimeSeriesSample("a", new float[] { 1, 3, 6, 10, /* second channel */ 5, 4, 4, 0 }, 2, 0) },
        new ClassLabels(new[] { "x" }),
        new Dictionary<string, string> { ["channels"] = "NDVI,EVI", ["source"] = "test" });

    [Fact]
    public void Differences_follow_the_original_channels_and_are_named_after_them()
    {
        using var temp = new TempFolder();
        var data = TwoChannels();

        var result = Differences.Fit(data, Plugins.Arguments(Differences), Plugins.Context(temp.Path)).Transform(data);

        Assert.Equal(4, result.Channels);
        Assert.Equal(new float[] { 1, 3, 6, 10, 5, 4, 4, 0, 0, 2, 3, 4, 0, -1, 0, -4 }, result.Samples[0].Values);
        Assert.Equal(new[] { "NDVI", "EVI", "NDVI_diff", "EVI_diff" }, result.ChannelNames());
        Assert.Equal("test", result.Metadata["source"]);
    }

    [Fact]
    public void Without_keep_only_the_differences_remain()
    {
        using var temp = new TempFolder();
        var data = TwoChannels();

        var result = Differences.Fit(data, Plugins.Arguments(Differences, ("keep", false)), Plugins.Context(temp.Path)).Transform(data);

        Assert.Equal(2, result.Channels);
        Assert.Equal(new float[] { 0, 2, 3, 4, 0, -1, 0, -4 }, result.Samples[0].Values);
        Assert.Equal(new[] { "NDVI_diff", "EVI_diff" }, result.ChannelNames());
    }
}
