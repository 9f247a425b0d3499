using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// Preprocessors learn on the training set only, transform train and test alike, and save what they learned so a
/// saved model can apply exactly the same transform later.
/// </summary>
public sealed class PreprocessingSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    DatasetSplit Load(string archive, string name, string extension)
    {
        var loader = Plugins.Loader("ucr");
        return loader.Load(Plugins.Arguments(loader,
                ("train", Repo.Dataset(archive, name, "TRAIN", extension)), ("test", Repo.Dataset(archive, name, "TEST", extension))),
            Plugins.Context(_temp.Path));
    }

    IFittedPreprocessor Fit(string plugin, TimeSeriesDataset train, params (string, object?)[] args)
    {
        var p = Plugins.Preprocessor(plugin);
        return p.Fit(train, Plugins.Arguments(p, args), Plugins.Context(_temp.Path));
    }

    static TimeSeriesDataset Dataset(params float[][] series) =>
        new(series.Select((v, i) => new TimeSeriesSample($"s{i}", v, 1, 0)).ToList(), new ClassLabels(new[] { "a" }));

    static (double Mean, double Sd) Moments(IEnumerable<float> values)
    {
        var v = values.Select(x => (double)x).ToArray();
        double mean = v.Average();
        return (mean, Math.Sqrt(v.Select(x => (x - mean) * (x - mean)).Average()));
    }

    [Fact]
    public void Znorm_gives_every_channel_of_every_series_mean_0_and_deviation_1()
    {
        var split = Load("uea", "BasicMotions", "ts");

        var fitted = Fit("znorm", split.Train);
        var test = fitted.Transform(split.Test);

        Assert.Empty(fitted.State);
        Assert.Equal(split.Test.Labels(), test.Labels());
        foreach (var s in test.Samples)
            for (int c = 0; c < s.Channels; c++)
            {
                var (mean, sd) = Moments(s.Channel(c).ToArray());
                Assert.True(Math.Abs(mean) < 1e-5, $"{s.Id} channel {c}: mean {mean}");
                Assert.True(Math.Abs(sd - 1) < 1e-4, $"{s.Id} channel {c}: sd {sd}");
            }
    }

    [Fact]
    public void Znorm_only_centres_a_constant_series()
    {
        var data = Dataset(new float[] { 3, 3, 3, 3 });

        var result = Fit("znorm", data).Transform(data);

        Assert.Equal(new float[] { 0, 0, 0, 0 }, result.Samples[0].Values);
    }

    [Fact]
    public void Znorm_leaves_the_input_untouched()
    {
        var data = Dataset(new float[] { 1, 2, 3 });

        Fit("znorm", data).Transform(data);

        Assert.Equal(new float[] { 1, 2, 3 }, data.Samples[0].Values);
    }

    [Fact]
    public void Dataset_znorm_learns_statistics_on_train_and_applies_them_to_test()
    {
        var split = Load("uea", "BasicMotions", "ts");

        var fitted = Fit("dataset-znorm", split.Train);
        var train = fitted.Transform(split.Train);
        var test = fitted.Transform(split.Test);

        for (int c = 0; c < split.Train.Channels; c++)
        {
            // Over the whole training set each channel is standardised...
            var (mean, sd) = Moments(train.Samples.SelectMany(s => s.Channel(c).ToArray()));
            Assert.True(Math.Abs(mean) < 1e-4, $"channel {c}: train mean {mean}");
            Assert.True(Math.Abs(sd - 1) < 1e-4, $"channel {c}: train sd {sd}");
            // ...and test is shifted and scaled by the training statistics, not its own.
            var (trainMean, trainSd) = Moments(split.Train.Samples.SelectMany(s => s.Channel(c).ToArray()));
            var raw = split.Test.Samples[7].Channel(c)[13];
            Assert.Equal((raw - trainMean) / trainSd, test.Samples[7].Channel(c)[13], 1e-4);
        }
    }

    [Fact]
    public void Dataset_znorm_restored_from_its_state_reproduces_identical_output()
    {
        var split = Load("uea", "BasicMotions", "ts");
        var plugin = Plugins.Preprocessor("dataset-znorm");
        var args = Plugins.Arguments(plugin);

        var fitted = plugin.Fit(split.Train, args, Plugins.Context(_temp.Path));
        var state = fitted.State.ToDictionary(kv => kv.Key, kv => kv.Value);
        var restored = plugin.Restore(state, args);

        Assert.Equal(new[] { "mean", "sd" }, state.Keys.Order());
        var expected = fitted.Transform(split.Test);
        var actual = restored.Transform(split.Test);
        for (int i = 0; i < expected.Count; i++)
            Assert.Equal(expected.Samples[i].Values, actual.Samples[i].Values);
    }

    [Fact]
    public void Dataset_znorm_refuses_data_with_another_channel_count()
    {
        var multi = Load("uea", "BasicMotions", "ts");
        var fitted = Fit("dataset-znorm", multi.Train);

        var e = Assert.Throws<InvalidDataException>(() => fitted.Transform(Dataset(new float[] { 1, 2, 3 })));

        Assert.Equal("dataset-znorm learned 6 channel(s); the data has 1", e.Message);
    }

    [Fact]
    public void Dataset_znorm_without_saved_state_is_an_error()
    {
        var plugin = Plugins.Preprocessor("dataset-znorm");

        var e = Assert.Throws<InvalidDataException>(() => plugin.Restore(new Dictionary<string, string>(), Plugins.Arguments(plugin)));

        Assert.Contains("lacks 'mean'", e.Message);
    }

    [Fact]
    public void Fixed_length_resamples_unequal_series_to_the_longest_training_length()
    {
        var split = Load("uea", "JapaneseVowels", "ts");

        var fitted = Fit("fixed-length", split.Train);
        var train = fitted.Transform(split.Train);
        var test = fitted.Transform(split.Test);

        Assert.Equal(new[] { "26" }, fitted.State.Values);
        Assert.True(train.IsEqualLength && test.IsEqualLength);
        Assert.Equal((26, 26), (train.MaxLength, test.MaxLength));
        Assert.Equal(12, test.Channels);
        // Linear resampling keeps both ends of every channel.
        var before = split.Test.Samples.First(s => s.Length == 29);
        var after = test.Samples.Single(s => s.Id == before.Id);
        for (int c = 0; c < 12; c++)
        {
            Assert.Equal(before.Channel(c)[0], after.Channel(c)[0], 1e-6);
            Assert.Equal(before.Channel(c)[^1], after.Channel(c)[^1], 1e-6);
        }
    }

    [Fact]
    public void Fixed_length_resampling_interpolates_linearly()
    {
        var data = Dataset(new float[] { 1, 2, 3 }, new float[] { 0, 10, 20, 30, 40, 50, 60, 70, 80 });

        var result = Fit("fixed-length", data, ("length", 5)).Transform(data);

        Assert.Equal(new[] { 1f, 1.5f, 2f, 2.5f, 3f }, result.Samples[0].Values);
        Assert.Equal(new[] { 0f, 20f, 40f, 60f, 80f }, result.Samples[1].Values);
    }

    [Theory]
    [InlineData("start", new float[] { 1, 2, 3, 0, 0 }, new float[] { 1, 2, 3, 4, 5 })]
    [InlineData("center", new float[] { 0, 1, 2, 3, 0 }, new float[] { 2, 3, 4, 5, 6 })]
    [InlineData("end", new float[] { 0, 0, 1, 2, 3 }, new float[] { 3, 4, 5, 6, 7 })]
    public void Fixed_length_pads_short_series_and_crops_long_ones(string align, float[] padded, float[] cropped)
    {
        var data = Dataset(new float[] { 1, 2, 3 }, new float[] { 1, 2, 3, 4, 5, 6, 7 });

        var result = Fit("fixed-length", data, ("length", 5), ("mode", "pad-crop"), ("align", align)).Transform(data);

        Assert.Equal(padded, result.Samples[0].Values);
        Assert.Equal(cropped, result.Samples[1].Values);
    }

    [Fact]
    public void Fixed_length_pads_with_the_chosen_value_per_channel()
    {
        var data = new TimeSeriesDataset(new[] { new TimeSeriesSample("m", new float[] { 1, 2, 3, 4 }, 2, 0) }, new ClassLabels(new[] { "a" }));

        var result = Fit("fixed-length", data, ("length", 3), ("mode", "pad-crop"), ("pad_value", -1.0)).Transform(data);

        Assert.Equal(new float[] { 1, 2, -1, 3, 4, -1 }, result.Samples[0].Values);
    }

    [Fact]
    public void Fixed_length_restored_from_its_state_keeps_the_learned_length()
    {
        var plugin = Plugins.Preprocessor("fixed-length");
        var args = Plugins.Arguments(plugin);
        var fitted = plugin.Fit(Dataset(new float[] { 1, 2, 3, 4, 5, 6 }), args, Plugins.Context(_temp.Path));

        var restored = plugin.Restore(fitted.State, args);

        Assert.Equal(6, restored.Transform(Dataset(new float[] { 1, 2 })).MaxLength);
    }
}
