using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>augment</c> enlarges the training set only: K noisy and/or amplitude-scaled copies of every series of the chosen
/// classes, drawn from the run seed. Anything that is not training data passes through untouched.
/// </summary>
public sealed class AugmentSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    IFittedPreprocessor Fit(TimeSeriesDataset train, params (string, object?)[] args)
    {
        var plugin = Plugins.Preprocessor("augment");
        return plugin.Fit(train, Plugins.Arguments(plugin, args), Plugins.Context(_temp.Path));
    }

    /// <summary>Classes a, b, c with 3, 2 and 1 series of 500 points.</summary>
    static TimeSeriesDataset Train() => Signals.Labelled(300,
        (0, Signals.Sine(3, 300, 500)), (1, Signals.Sine(5, 300, 500, 2)), (0, Signals.Sine(7, 300, 500)),
        (2, Signals.Sine(1, 300, 500, 0.5)), (1, Signals.Reference(500)), (0, Signals.Sine(2, 300, 500, 3)));

    [Fact]
    public void Adds_exactly_the_requested_copies_of_the_chosen_classes_only()
    {
        var train = Train();

        var result = Fit(train, ("classes", new List<string> { "b", "c" }), ("copies", 3))
            .TransformTraining(train, Plugins.Context(_temp.Path));

        Assert.Equal(6 + 3 * 3, result.Count);
        Assert.Equal(new[] { 3, 2 + 6, 1 + 3 }, result.ClassCounts());
        // The originals come first, untouched (the same objects); copies name their source.
        Assert.Equal(train.Samples, result.Samples.Take(6));
        var copies = result.Samples.Skip(6).ToList();
        Assert.Equal(new[] { "s1#aug1", "s1#aug2", "s1#aug3", "s3#aug1", "s3#aug2", "s3#aug3", "s4#aug1", "s4#aug2", "s4#aug3" },
            copies.Select(s => s.Id));
        Assert.All(copies, c => Assert.Equal(train.Samples.Single(s => s.Id == c.Metadata["augmented_from"]).Label, c.Label));
        Assert.All(copies, c => Assert.NotEqual(train.Samples.Single(s => s.Id == c.Metadata["augmented_from"]).Values, c.Values));
    }

    [Fact]
    public void No_class_list_means_every_class()
    {
        var train = Train();

        var result = Fit(train, ("copies", 2)).TransformTraining(train, Plugins.Context(_temp.Path));

        Assert.Equal(new[] { 9, 6, 3 }, result.ClassCounts());
    }

    [Fact]
    public void Data_other_than_the_training_set_passes_unchanged()
    {
        var train = Train();
        var test = Signals.Labelled(300, (1, Signals.Sine(4, 300, 500)), (2, Signals.Sine(6, 300, 500)));
        var fitted = Fit(train, ("classes", new List<string> { "b", "c" }), ("copies", 5));

        var result = fitted.Transform(test);

        Assert.Equal(test.Samples, result.Samples);
        Assert.Equal(train.Samples, fitted.Transform(train).Samples);
    }

    [Fact]
    public void Copies_are_the_same_for_a_seed_and_other_for_another()
    {
        var train = Train();
        var fitted = Fit(train, ("noise", 0.1), ("scale", new List<double> { 0.8, 1.2 }));

        var first = fitted.TransformTraining(train, Plugins.Context(_temp.Path, seed: 5));
        var again = fitted.TransformTraining(train, Plugins.Context(_temp.Path, seed: 5));
        var other = fitted.TransformTraining(train, Plugins.Context(_temp.Path, seed: 6));

        for (int i = 6; i < first.Count; i++)
        {
            Assert.Equal(first.Samples[i].Values, again.Samples[i].Values);
            Assert.NotEqual(first.Samples[i].Values, other.Samples[i].Values);
        }
    }

    [Fact]
    public void Noise_deviation_is_relative_to_the_series_deviation()
    {
        var original = Signals.Sine(5, 300, 20000, amplitude: 4); // deviation 4/√2
        var train = Signals.Labelled(300, (0, original));

        var copy = Fit(train, ("noise", 0.1)).TransformTraining(train, Plugins.Context(_temp.Path)).Samples[1];

        double sumSq = 0;
        for (int t = 0; t < original.Length; t++) sumSq += Math.Pow(copy.Values[t] - original[t], 2);
        double noise = Math.Sqrt(sumSq / original.Length);
        Assert.Equal(0.1 * 4 / Math.Sqrt(2), noise, 0.01);
    }

    [Fact]
    public void Scaled_copies_are_the_series_times_a_factor_in_the_range()
    {
        var train = Train();

        var result = Fit(train, ("noise", 0.0), ("scale", new List<double> { 0.5, 0.7 }), ("copies", 4))
            .TransformTraining(train, Plugins.Context(_temp.Path));

        foreach (var copy in result.Samples.Skip(6))
        {
            var source = train.Samples.Single(s => s.Id == copy.Metadata["augmented_from"]).Values;
            int peak = Array.IndexOf(source, source.Max());
            double factor = copy.Values[peak] / source[peak];
            Assert.InRange(factor, 0.5, 0.7);
            for (int t = 0; t < source.Length; t++) Assert.Equal(source[t] * factor, copy.Values[t], 1e-4);
        }
    }

    [Theory]
    [InlineData("classes", "d", "test (augment): class 'd' is not one of a, b, c")]
    [InlineData("noise", 0.0, "test (augment): with noise 0 and scale [1, 1] the copies would equal the originals")]
    public void Settings_that_make_no_sense_are_refused(string name, object value, string expected)
    {
        object? arg = name == "classes" ? new List<string> { (string)value } : value;

        var e = Assert.ThrowsAny<Exception>(() => Fit(Train(), (name, arg)));

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void A_scale_range_must_be_two_ordered_positive_numbers()
    {
        var e = Assert.ThrowsAny<Exception>(() => Fit(Train(), ("scale", new List<double> { 1.2, 0.8 })));

        Assert.Equal("test (augment): scale must be [min, max] with 0 < min <= max, found [1.2, 0.8]", e.Message);
    }
}
