using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The <c>position</c> preprocessor: channels that tell a model where each step lies in the series follow the values,
/// a ramp from 0 to 1 or one sine/cosine cycle, whatever the values are.
/// </summary>
public sealed class PositionChannelsSpecs
{
    static IPreprocessorPlugin Position => Plugins.Preprocessor("position");

    static TimeSeriesDataset Series(params TimeSeriesSample[] samples) => new(
        samples, new ClassLabels(new[] { "x" }), new Dictionary<string, string> { ["channels"] = "NDVI", ["source"] = "test" });

    static TimeSeriesDataset Transform(TimeSeriesDataset data, params (string, object)[] args)
    {
        using var temp = new TempFolder();
        return Position.Fit(data, Plugins.Arguments(Position, args), Plugins.Context(temp.Path)).Transform(data);
    }

    [Fact]
    public void A_ramp_from_0_to_1_follows_the_values()
    {
        var result = Transform(Series(new TimeSeriesSample("a", new float[] { 7, -3, 2, 9, 4 }, 1, 0)));

        Assert.Equal(2, result.Channels);
        Assert.Equal(new float[] { 7, -3, 2, 9, 4, 0, 0.25f, 0.5f, 0.75f, 1 }, result.Samples[0].Values);
        Assert.Equal(new[] { "NDVI", "position" }, result.ChannelNames());
        Assert.Equal("test", result.Metadata["source"]);
    }

    [Fact]
    public void Each_series_gets_a_ramp_over_its_own_length()
    {
        var result = Transform(Series(
            new TimeSeriesSample("long", new float[] { 1, 1, 1, 1, 1 }, 1, 0),
            new TimeSeriesSample("short", new float[] { 5, 5, 5 }, 1, 0)));

        Assert.Equal(new float[] { 0, 0.5f, 1 }, result.Samples[1].Channel(1).ToArray());
        Assert.Equal(1f, result.Samples[0].Channel(1)[4]);
    }

    [Fact]
    public void Sincos_adds_one_cycle_as_two_channels()
    {
        var result = Transform(Series(new TimeSeriesSample("a", new float[] { 1, 2, 3, 4 }, 1, 0)), ("encoding", "sincos"));

        Assert.Equal(3, result.Channels);
        Assert.Equal(new[] { "NDVI", "position_sin", "position_cos" }, result.ChannelNames());
        var sin = result.Samples[0].Channel(1).ToArray();
        var cos = result.Samples[0].Channel(2).ToArray();
        float[] expectedSin = { 0, 1, 0, -1 }, expectedCos = { 1, 0, -1, 0 };
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(expectedSin[t], sin[t], 5);
            Assert.Equal(expectedCos[t], cos[t], 5);
        }
    }
}
