using System.Globalization;
using System.Text.Json;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>crop-pad</c> brings series to one length: on the training set a window at a random position (set by the run
/// seed), everywhere else the centre window; short series are padded. The length is saved with the model. With
/// <c>windows: true</c> every window of a series is kept, in training and evaluation, and the engine averages the
/// windows' predictions into one per series.
/// </summary>
public sealed class CropPadSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    IFittedPreprocessor Fit(TimeSeriesDataset train, params (string, object?)[] args)
    {
        var plugin = Plugins.Preprocessor("crop-pad");
        return plugin.Fit(train, Plugins.Arguments(plugin, args), Plugins.Context(_temp.Path));
    }

    static float[] Ramp(int n, int from = 0) => Enumerable.Range(from, n).Select(i => (float)i).ToArray();

    /// <summary>20 ramps of length 100 whose values say where a window starts (value = position + 1000·series).</summary>
    static TimeSeriesDataset Ramps() => Signals.Dataset(300, Enumerable.Range(0, 20).Select(i => Ramp(100, 1000 * i)).ToArray());

    static int[] Starts(TimeSeriesDataset cropped) => cropped.Samples.Select((s, i) => (int)s.Values[0] - 1000 * i).ToArray();

    [Fact]
    public void Evaluation_takes_the_centre_window()
    {
        var data = Signals.Dataset(300, Ramp(10), Ramp(11));

        var result = Fit(data, ("length", 4)).Transform(data);

        Assert.Equal(new float[] { 3, 4, 5, 6 }, result.Samples[0].Values);
        Assert.Equal(new float[] { 3, 4, 5, 6 }, result.Samples[1].Values);
    }

    [Fact]
    public void Training_windows_are_random_the_same_for_a_seed_and_other_for_another()
    {
        var data = Ramps();
        var fitted = Fit(data, ("length", 30));

        var first = fitted.TransformTraining(data, Plugins.Context(_temp.Path, seed: 1));
        var again = fitted.TransformTraining(data, Plugins.Context(_temp.Path, seed: 1));
        var other = fitted.TransformTraining(data, Plugins.Context(_temp.Path, seed: 2));

        Assert.Equal(Starts(first), Starts(again));
        Assert.NotEqual(Starts(first), Starts(other));
        Assert.True(Starts(first).Distinct().Count() > 5, $"starts {string.Join(",", Starts(first))} hardly vary");
        Assert.All(Starts(first).Concat(Starts(other)), start => Assert.InRange(start, 0, 70));
        for (int i = 0; i < data.Count; i++)
        {
            // Each window is a contiguous piece of its own series.
            var s = first.Samples[i];
            Assert.Equal(30, s.Length);
            int start = (int)s.Values[0] - 1000 * i;
            Assert.Equal(data.Samples[i].Values[start..(start + 30)], s.Values);
        }
        // Evaluation never draws: always the centre.
        Assert.All(Starts(fitted.Transform(data)), start => Assert.Equal(35, start));
    }

    [Fact]
    public void Random_crop_can_be_switched_off()
    {
        var data = Ramps();

        var result = Fit(data, ("length", 30), ("random_crop", false)).TransformTraining(data, Plugins.Context(_temp.Path));

        Assert.All(Starts(result), start => Assert.Equal(35, start));
    }

    [Theory]
    [InlineData("zeros", "end", new float[] { 1, 2, 3, 0, 0, 0 })]
    [InlineData("edge", "end", new float[] { 1, 2, 3, 3, 3, 3 })]
    [InlineData("zeros", "both", new float[] { 0, 1, 2, 3, 0, 0 })]
    [InlineData("edge", "both", new float[] { 1, 1, 2, 3, 3, 3 })]
    public void Short_series_are_padded(string pad, string side, float[] expected)
    {
        var data = Signals.Dataset(300, new float[] { 1, 2, 3 });
        var fitted = Fit(data, ("length", 6), ("pad", pad), ("pad_side", side));

        Assert.Equal(expected, fitted.Transform(data).Samples[0].Values);
        Assert.Equal(expected, fitted.TransformTraining(data, Plugins.Context(_temp.Path)).Samples[0].Values);
    }

    [Fact]
    public void Every_channel_is_cut_at_the_same_place()
    {
        var values = Ramp(10).Concat(Ramp(10, 100)).ToArray();
        var data = new TimeSeriesDataset(new[] { new TimeSeriesSample("m", values, 2, 0) }, new ClassLabels(new[] { "x" }));

        var result = Fit(data, ("length", 4)).Transform(data).Samples[0];

        Assert.Equal(new float[] { 3, 4, 5, 6, 103, 104, 105, 106 }, result.Values);
    }

    [Fact]
    public void Length_zero_learns_the_longest_training_series_and_restore_keeps_it()
    {
        var plugin = Plugins.Preprocessor("crop-pad");
        var args = Plugins.Arguments(plugin, ("length", 0));
        var fitted = plugin.Fit(Signals.Dataset(300, Ramp(7), Ramp(12)), args, Plugins.Context(_temp.Path));

        var restored = plugin.Restore(fitted.State.ToDictionary(kv => kv.Key, kv => kv.Value), args);

        Assert.Equal("12", fitted.State["length"]);
        var other = Signals.Dataset(300, Ramp(20), Ramp(5));
        var expected = fitted.Transform(other);
        var actual = restored.Transform(other);
        Assert.Equal(12, actual.MaxLength);
        for (int i = 0; i < other.Count; i++) Assert.Equal(expected.Samples[i].Values, actual.Samples[i].Values);
    }

    [Fact]
    public void Saved_state_without_a_length_is_an_error()
    {
        var plugin = Plugins.Preprocessor("crop-pad");

        var e = Assert.ThrowsAny<Exception>(() => plugin.Restore(new Dictionary<string, string>(), Plugins.Arguments(plugin)));

        Assert.Equal("test (crop-pad): saved preprocessing state lacks 'length'", e.Message);
    }

    // ----- sliding windows with a vote -----

    [Fact]
    public void Windows_cover_a_series_step_by_step_the_last_flush_with_its_end_and_name_their_series()
    {
        var data = Signals.Dataset(300, Ramp(10), Ramp(11), Ramp(3));
        var fitted = Fit(data, ("length", 4), ("windows", true), ("window_step", 2));

        var windows = fitted.Transform(data);

        var starts = windows.Samples.Select(w => (w.Metadata[TimeSeriesSample.WindowOfKey], w.Values[0])).ToArray();
        Assert.Equal(new[] { ("s0", 0f), ("s0", 2f), ("s0", 4f), ("s0", 6f), ("s1", 0f), ("s1", 2f), ("s1", 4f), ("s1", 6f), ("s1", 7f), ("s2", 0f) }, starts);
        Assert.Equal(new float[] { 7, 8, 9, 10 }, windows.Samples[8].Values);
        Assert.Equal(new float[] { 0, 1, 2, 0 }, windows.Samples[9].Values); // shorter: one padded window
        Assert.Equal(new[] { "s0#w0", "s0#w1" }, windows.Samples.Take(2).Select(w => w.Id));
        // Training sees the same windows (all of them: more examples), whatever random_crop says.
        Assert.Equal(windows.Samples.Select(w => w.Values), fitted.TransformTraining(data, Plugins.Context(_temp.Path)).Samples.Select(w => w.Values));
    }

    /// <summary>GunPoint (150 points) in windows of 100 every 25 — three per series — classified by 1-NN.</summary>
    static string GunPointWindows(TempFolder temp, string evaluate)
    {
        var path = PipelineFiles.GunPoint(temp, "gunpoint-windows", "{plugin: 1nn}", temp["runs"],
            "{plugin: crop-pad, with: {length: 100, windows: true, window_step: 25}}");
        File.AppendAllText(path, "\n" + evaluate + "\n");
        return path;
    }

    static List<string[]> PredictionRows(string runDirectory) =>
        File.ReadAllLines(Path.Combine(runDirectory, "predictions.csv")).Skip(1).Select(l => l.Split(',')).ToList();

    [Fact]
    public void The_engine_averages_the_windows_predictions_into_one_row_per_test_series()
    {
        var run = PipelineFiles.Run(GunPointWindows(_temp, ""));

        // 150 test series of 150 points, three windows each (starts 0, 25, 50), scored as 150 series.
        var rows = PredictionRows(run.RunDirectory);
        Assert.Equal(150, rows.Count);
        Assert.Equal(150, run.Test.Count);
        Assert.Equal(run.Test.Samples.Select(s => s.Id), rows.Select(r => r[0]));
        Assert.DoesNotContain(rows, r => r[0].Contains("#w"));
        Assert.All(run.Test.Samples, s => Assert.Equal("3", s.Metadata["windows"]));
        // 1-NN gives each window a one-hot vote: series probabilities are thirds, and some series are split votes.
        var p = rows.SelectMany(r => new[] { double.Parse(r[3], CultureInfo.InvariantCulture), double.Parse(r[4], CultureInfo.InvariantCulture) }).ToList();
        Assert.All(p, v => Assert.Contains(Math.Round(v * 3), new[] { 0.0, 1, 2, 3 }));
        Assert.Contains(p, v => Math.Abs(v - 1.0 / 3) < 1e-6 || Math.Abs(v - 2.0 / 3) < 1e-6);
        var accuracy = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.RunDirectory, "metrics.json"))).RootElement.GetProperty("accuracy").GetDouble();
        Assert.True(accuracy >= 0.8, $"accuracy {accuracy}");
    }

    [Fact]
    public void Cross_validation_votes_each_held_out_series_windows_too()
    {
        var run = PipelineFiles.Run(GunPointWindows(_temp, "evaluate: {kfold: 5}"));

        var rows = PredictionRows(run.RunDirectory);
        Assert.Equal(200, rows.Count);
        Assert.Equal(200, rows.Select(r => r[0]).Distinct().Count());
        Assert.DoesNotContain(rows, r => r[0].Contains("#w"));
    }
}
