using System.Text.Json;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>table-export</c> writes the data as the model saw it, after preprocessing, as wide tables that the
/// <c>sample-table</c> loader reads back value for value — the way to take computed features to another tool.
/// </summary>
public sealed class TableExportSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    /// <summary>Reads exported tables with the loader settings export.json gives.</summary>
    DatasetSplit ReadBack(string runDirectory, string train, string? test = null)
    {
        var with = Json(Path.Combine(runDirectory, "data", "export.json")).GetProperty("read_back").GetProperty("with");
        var loader = Plugins.Loader("sample-table");
        var values = new List<(string, object?)>
        {
            ("train", Path.Combine(runDirectory, "data", train)),
            ("layout", with.GetProperty("layout").GetString()),
            ("id_column", with.GetProperty("id_column").GetString()),
            ("column_pattern", with.GetProperty("column_pattern").GetString()),
        };
        if (test is not null) values.Add(("test", Path.Combine(runDirectory, "data", test)));
        return loader.Load(Plugins.Arguments(loader, values.ToArray()), Plugins.Context(_temp["read-back"]));
    }

    static void SameSeries(TimeSeriesDataset expected, TimeSeriesDataset actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected.Samples[i], actual.Samples[i]);
            Assert.Equal(e.Id, a.Id);
            Assert.Equal(expected.Classes[e.Label], actual.Classes[a.Label]);
            Assert.Equal(e.Channels, a.Channels);
            Assert.Equal(e.Values, a.Values); // bit for bit: floats are written round-trip
        }
    }

    [Fact]
    public void A_holdout_run_exports_its_preprocessed_train_and_test_sets_which_sample_table_reads_back_exactly()
    {
        var pipeline = PipelineFiles.GunPoint(_temp, "export", "{plugin: 1nn}", _temp["runs"], "dataset-znorm");
        File.WriteAllText(pipeline, File.ReadAllText(pipeline).Replace("\noutput:", "\n  - {plugin: table-export, with: {format: both}}\noutput:"));
        var run = PipelineFiles.Run(pipeline);

        foreach (var file in new[] { "train.csv", "test.csv", "train.parquet", "test.parquet", "export.json" })
            Assert.True(File.Exists(Path.Combine(run.RunDirectory, "data", file)), file);
        var header = File.ReadLines(Path.Combine(run.RunDirectory, "data", "test.csv")).First().Split(',');
        Assert.Equal(new[] { "id", "label", "ch0_t0", "ch0_t1" }, header[..4]);
        Assert.Equal(2 + 150, header.Length);

        var csv = ReadBack(run.RunDirectory, "train.csv", "test.csv");
        SameSeries(run.Test, csv.Test); // the z-normalised test set the model predicted
        var stats = csv.Train.Samples.SelectMany(s => s.Values).ToArray();
        Assert.InRange(stats.Average(), -1e-3, 1e-3); // dataset-znorm's own training statistics: mean 0
        var parquet = ReadBack(run.RunDirectory, "train.parquet", "test.parquet");
        SameSeries(csv.Train, parquet.Train);
        SameSeries(csv.Test, parquet.Test);
    }

    [Fact]
    public void A_cross_validated_run_exports_all_samples_with_band_columns_and_their_metadata()
    {
        var pipeline = _temp.Write("sits.yaml", $"""
            name: sits-export
            seed: 42
            loader:
              plugin: sample-table
              with:
                train: {Path.Combine(Repo.Datasets, "sits_mod13q1_sinop", "samples", "samples_mt_4bands_long.csv")}
                bands: [NDVI, EVI]
            model: {"{plugin: 1nn}"}
            evaluate: {"{kfold: 3}"}
            report:
              - {"{plugin: metrics, with: {print: false}}"}
              - table-export
            output: {_temp["runs"]}
            """);
        var run = PipelineFiles.Run(pipeline);

        var header = File.ReadLines(Path.Combine(run.RunDirectory, "data", "all.csv")).First().Split(',');
        // The samples come from 17 seasons: steps are numbered, each sample's own dates stay in its times column.
        Assert.Equal("NDVI_t0", header[2]);
        Assert.Equal("EVI_t0", header[2 + 23]);
        Assert.Contains("times", header);
        Assert.Contains("longitude", header);
        Assert.Contains("latitude", header);
        var info = Json(Path.Combine(run.RunDirectory, "data", "export.json"));
        Assert.Equal("3-fold cv", info.GetProperty("evaluation").GetString());

        var back = ReadBack(run.RunDirectory, "all.csv").Train;
        Assert.Equal(1892, back.Count);
        Assert.Equal(2, back.Channels);
        Assert.Equal(new[] { "NDVI", "EVI" }, back.Metadata["channels"].Split(','));
        var first = run.Test.Samples.First(s => s.Id == back.Samples[0].Id);
        Assert.Equal(first.Values, back.Samples[0].Values);
        Assert.Equal(first.Metadata["longitude"], back.Samples[0].Metadata["longitude"]);
        Assert.Equal(first.Metadata["times"], back.Samples[0].Metadata["times"]);
    }

    [Fact]
    public void Samples_sharing_their_dates_get_date_named_columns()
    {
        var classes = ClassLabels.FromObserved(new[] { "a", "b" });
        var dates = new Dictionary<string, string> { ["times"] = "2013-09-14;2013-09-30", ["x"] = "1" };
        var data = new TimeSeriesDataset(new[]
        {
            new TimeSeriesSample("s1", new float[] { 0.25f, 0.5f }, 1, 0, dates),
            new TimeSeriesSample("s2", new float[] { 0.75f, 1f }, 1, 1, dates),
        }, classes, new Dictionary<string, string> { ["channels"] = "NDVI" });
        var outcome = new RunOutcome("dated", data, data.WithSamples(Array.Empty<TimeSeriesSample>()),
            new ProbabilityMatrix(Array.Empty<float>(), 0, classes), null!, TimeSpan.Zero, TimeSpan.Zero);
        var reporter = Plugins.Reporter("table-export");

        reporter.Report(outcome, Plugins.Arguments(reporter), Plugins.Context(_temp["dated"]));

        Assert.Equal(new[] { "id,label,NDVI_2013-09-14,NDVI_2013-09-30,x", "s1,a,0.25,0.5,1", "s2,b,0.75,1,1" },
            File.ReadAllLines(_temp["dated/data/train.csv"]));
    }

    [Fact]
    public void Series_of_different_lengths_are_refused_with_the_step_and_the_remedy()
    {
        var classes = ClassLabels.FromObserved(new[] { "a", "b" });
        var ragged = new TimeSeriesDataset(new[]
        {
            new TimeSeriesSample("r1", new float[] { 1, 2, 3 }, 1, 0),
            new TimeSeriesSample("r2", new float[] { 1, 2, 3, 4, 5 }, 1, 1),
        }, classes);
        var outcome = new RunOutcome("ragged", ragged, ragged.WithSamples(Array.Empty<TimeSeriesSample>()),
            new ProbabilityMatrix(Array.Empty<float>(), 0, classes), null!, TimeSpan.Zero, TimeSpan.Zero);
        var reporter = Plugins.Reporter("table-export");

        var e = Assert.Throws<InvalidDataException>(() =>
            reporter.Report(outcome, Plugins.Arguments(reporter), Plugins.Context(_temp["ragged"])));

        Assert.Contains("test (table-export): the train set has series of 3..5 values", e.Message);
        Assert.Contains("crop-pad", e.Message);
        Assert.False(Directory.Exists(_temp["ragged/data"]) && Directory.EnumerateFiles(_temp["ragged/data"]).Any());
    }
}
