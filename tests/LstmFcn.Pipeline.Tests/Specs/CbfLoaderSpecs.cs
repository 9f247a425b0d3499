using System.Text.Json;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The <c>cbf</c> loader generates Saito's Cylinder–Bell–Funnel series: an event on [a, b] of amplitude 6 + η on
/// Gaussian noise, flat for a cylinder, rising for a bell and falling for a funnel; a ~ U[16, 32] and b − a ~ U[32, 96]
/// at length 128, scaled with the length. The series are a function of the run's seed alone.
/// </summary>
public sealed class CbfLoaderSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    DatasetSplit Load(int train, int test, int length, double noise = 1.0, int seed = 42)
    {
        var loader = Plugins.Loader("cbf");
        var args = Plugins.Arguments(loader, ("train", train), ("test", test), ("length", length), ("noise", noise));
        return loader.Load(args, Plugins.Context(_temp.Path, seed));
    }

    [Fact]
    public void It_makes_the_requested_numbers_of_univariate_series_a_third_of_each_class()
    {
        var split = Load(train: 30, test: 12, length: 64);

        Assert.Equal(new[] { "cylinder", "bell", "funnel" }, split.Train.Classes.Names);
        Assert.Equal(30, split.Train.Count);
        Assert.Equal(12, split.Test.Count);
        Assert.All(split.Train.Samples.Concat(split.Test.Samples), s => { Assert.Equal(1, s.Channels); Assert.Equal(64, s.Length); });
        Assert.Equal(new[] { 10, 10, 10 }, split.Train.Samples.GroupBy(s => s.Label).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal(new[] { 4, 4, 4 }, split.Test.Samples.GroupBy(s => s.Label).OrderBy(g => g.Key).Select(g => g.Count()));
    }

    [Fact]
    public void The_same_seed_gives_the_same_series_and_the_training_series_do_not_depend_on_the_test_size()
    {
        var first = Load(train: 9, test: 3, length: 128);
        var again = Load(train: 9, test: 30, length: 128);
        var other = Load(train: 9, test: 3, length: 128, seed: 7);

        for (int i = 0; i < 9; i++)
        {
            Assert.Equal(first.Train.Samples[i].Values, again.Train.Samples[i].Values);
            Assert.NotEqual(first.Train.Samples[i].Values, other.Train.Samples[i].Values);
        }
        Assert.Equal(first.Test.Samples[0].Values, again.Test.Samples[0].Values);
        Assert.NotEqual(first.Train.Samples[0].Values, first.Test.Samples[0].Values);
    }

    [Theory]
    [InlineData(128)]
    [InlineData(512)]
    public void Without_noise_each_class_is_its_shape_on_an_event_of_the_scaled_position_and_length(int length)
    {
        double scale = length / 128.0;
        foreach (var s in Load(train: 60, test: 0, length: length, noise: 0).Train.Samples)
        {
            var v = s.Values;
            int start = Array.FindIndex(v, x => x != 0), end = Array.FindLastIndex(v, x => x != 0);
            Assert.InRange(start, 16 * scale, 32 * scale + 1);
            Assert.InRange(end - start, 32 * scale - 2, 96 * scale + 1);
            Assert.All(v[..start], x => Assert.Equal(0f, x));
            Assert.All(v[(end + 1)..], x => Assert.Equal(0f, x));
            var eventValues = v[start..(end + 1)];
            for (int t = 1; t < eventValues.Length; t++)
            {
                float step = eventValues[t] - eventValues[t - 1];
                switch (s.Label)
                {
                    case 0: Assert.Equal(0f, step); break;                 // cylinder: a plateau
                    case 1: Assert.True(step * Math.Sign(eventValues[0]) > 0, $"bell step {step}"); break;  // rises
                    default: Assert.True(step * Math.Sign(eventValues[0]) < 0, $"funnel step {step}"); break; // falls
                }
            }
        }
    }

    [Fact]
    public void Euclidean_1nn_tells_the_three_shapes_apart_far_above_chance()
    {
        var path = _temp.Write("cbf-1nn.yaml", $"""
            name: cbf-1nn
            seed: 42
            device: cpu
            loader: {"{plugin: cbf, with: {train: 300, test: 300, length: 128}}"}
            preprocess: [znorm]
            model: {"{plugin: 1nn, with: {distance: euclidean}}"}
            report:
              - plugin: metrics
                with: {"{print: false}"}
            output: {_temp["runs"]}
            """);

        var run = PipelineFiles.Run(path);

        // Chance is 1/3; 1-NN on the UCR CBF set (30 training series) scores 0.852.
        var accuracy = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.RunDirectory, "metrics.json"))).RootElement.GetProperty("accuracy").GetDouble();
        Assert.True(accuracy > 0.9, $"accuracy {accuracy}");
    }
}
