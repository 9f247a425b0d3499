using System.Globalization;
using LstmFcn.Pipeline.Tests.Support;
using LstmFcn.Samples.HedSynthetic;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// Model folders written by an earlier version (tests/…/Fixtures/saved-models, see its README) still load and predict
/// exactly what they predicted when they were saved.
/// </summary>
[Collection(LibTorchCollection.Name)]
public sealed class SavedModelCompatibilitySpecs : IDisposable
{
    readonly TempFolder _temp = new();
    public void Dispose() => _temp.Dispose();

    static string Fixtures => Path.Combine(Repo.Root, "tests", "LstmFcn.Pipeline.Tests", "Fixtures", "saved-models");

    [Theory]
    [InlineData("lstm-fcn")]
    [InlineData("alstm-fcn")]
    [InlineData("cnn-lstm")]
    [InlineData("random-forest")]
    [InlineData("gradient-boosting")]
    [InlineData("ensemble")]
    [InlineData("windows")]
    public void A_model_saved_by_an_earlier_version_predicts_GunPoint_as_it_did(string fixture) =>
        PredictsAsSaved(fixture, PipelineFiles.GunPointLoader);

    [Fact]
    public void A_spectra_network_saved_by_an_earlier_version_predicts_as_it_did()
    {
        var data = _temp["spectra"];
        SyntheticSpectra.WriteXy(data, new SyntheticSpectraOptions { Count = 40, Transition = 20, Points = 700 });
        PredictsAsSaved("spectra-cnn",
            $"{{plugin: xy-spectra, with: {{data: {data}, threshold: 20, train_indices: [0, 3, 6, 9, 12, 15, 24, 27, 30, 33, 36, 39], test: all}}}}");
    }

    [Fact]
    public void An_ecg_features_model_saved_while_the_step_was_in_the_Signal_plugin_predicts_as_it_did()
    {
        var data = Path.Combine(Repo.Datasets, "cinc2017_af", "validation");
        PredictsAsSaved("ecg-features", $"{{plugin: cinc2017, with: {{data: {data}, test: {data}}}}}");
    }

    void PredictsAsSaved(string fixture, string loader)
    {
        var folder = Path.Combine(Fixtures, fixture);
        var pipeline = _temp.Write($"{fixture}.yaml", $$"""
            name: {{fixture}}
            device: cpu
            threads: 1
            loader: {{loader}}
            model: { from: {{Path.Combine(folder, "model")}} }
            report: [ { plugin: metrics, with: { print: false } } ]
            output: {{_temp["runs"]}}
            """);
        var run = PipelineFiles.Run(pipeline);
        var expected = ReadPredictions(Path.Combine(folder, "predictions.csv"));
        var actual = ReadPredictions(Path.Combine(run.RunDirectory, "predictions.csv"));
        Assert.Equal(expected.Keys.Count, actual.Keys.Count);
        foreach (var (id, probabilities) in expected)
        {
            Assert.True(actual.TryGetValue(id, out var now), $"{fixture}: series {id} is not predicted any more");
            for (int c = 0; c < probabilities.Length; c++)
                Assert.True(Math.Abs(probabilities[c] - now![c]) <= 1e-6,
                    $"{fixture}: series {id} class {c}: saved {probabilities[c]}, now {now[c]}");
        }
    }

    /// <summary>id → probabilities, from a predictions.csv (id, true, predicted, p_… columns).</summary>
    static Dictionary<string, double[]> ReadPredictions(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var columns = Enumerable.Range(0, header.Length).Where(i => header[i].StartsWith("p_", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(columns);
        var result = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            result[cells[0]] = columns.Select(i => double.Parse(cells[i], CultureInfo.InvariantCulture)).ToArray();
        }
        return result;
    }
}
