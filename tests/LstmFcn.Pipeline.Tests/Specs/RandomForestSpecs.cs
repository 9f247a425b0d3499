using System.Globalization;
using System.Text.Json;
using LstmFcn.Pipeline.Engine.Plugins;
using LstmFcn.Pipeline.Engine.Running;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The <c>random-forest</c> model: Breiman's forest of CART trees on the values of every channel at every time step.
/// On real data it is as accurate as scikit-learn's forest (GunPoint, the sits samples under 5-fold cross-validation);
/// it is the same forest for a seed whatever the number of threads, saves and loads without changing a probability,
/// reports an out-of-bag score and feature importances, honours class weights, and refuses what it cannot use.
/// </summary>
public sealed class RandomForestSpecs : IClassFixture<RandomForestSpecs.SitsCrossValidation>, IDisposable
{
    /// <summary>The product pipeline pipelines/sits-samples-rf.yaml (5-fold CV, then a final fit), run once.</summary>
    public sealed class SitsCrossValidation : IDisposable
    {
        public TempFolder Temp { get; } = new();
        public RunResult Result { get; }

        public SitsCrossValidation()
        {
            Result = PipelineFiles.Run(Path.Combine(Repo.Pipelines, "sits-samples-rf.yaml"), null, $"output={Temp["runs"]}");
        }

        public string File(string relative) => Path.Combine(Result.RunDirectory, relative);

        public void Dispose() => Temp.Dispose();
    }

    readonly SitsCrossValidation _sits;
    readonly TempFolder _temp = new();

    public RandomForestSpecs(SitsCrossValidation sits) => _sits = sits;

    public void Dispose() => _temp.Dispose();

    static IModelPlugin Forest => Plugins.Model("random-forest");

    static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    static RunContext Context(string folder, int seed = 42, int threads = 0) => Plugins.Context(folder, seed, threads);

    static DatasetSplit GunPoint()
    {
        var ucr = Plugins.Loader("ucr");
        using var temp = new TempFolder();
        return ucr.Load(Plugins.Arguments(ucr, ("train", Repo.Dataset("ucr", "GunPoint", "TRAIN", "tsv")),
            ("test", Repo.Dataset("ucr", "GunPoint", "TEST", "tsv"))), Plugins.Context(temp.Path));
    }

    /// <summary>The sits samples, four bands, split 4:1 by position (every fifth sample held out).</summary>
    static (TimeSeriesDataset Train, TimeSeriesDataset Test) SitsHoldout() => SitsSamples.Holdout("NDVI", "EVI", "NIR", "MIR");

    // ----- accuracy on real data -----

    [Fact]
    public void Random_forest_is_a_built_in_model()
    {
        Assert.True(Plugins.BuiltIn.TryGet("random-forest", out var entry));
        Assert.Equal(PluginKind.Model, entry.Kind);
        Assert.EndsWith(Path.Combine("LstmFcn.Plugins.Forest", "LstmFcn.Plugins.Forest.dll"), entry.AssemblyPath);
    }

    [Theory]
    [InlineData("gunpoint-rf.yaml", "ucr")]
    [InlineData("sits-samples-rf.yaml", "sample-table")]
    [InlineData("sits-samples-ndvi-rf.yaml", "sample-table")]
    public void The_forest_pipelines_are_valid(string file, string loader)
    {
        var pipeline = PipelineFiles.Resolve(Path.Combine(Repo.Pipelines, file));

        Assert.Equal(loader, pipeline.Loader.Plugin.Name);
        Assert.Equal("random-forest", pipeline.Model!.Plugin.Name);
    }

    [Fact]
    public void On_gunpoint_the_forest_is_well_above_chance()
    {
        var run = PipelineFiles.Run(Path.Combine(Repo.Pipelines, "gunpoint-rf.yaml"), null, $"output={_temp["runs"]}");

        // Two balanced classes: chance is 0.5. Random forests score about 0.92-0.93 on GunPoint (this one: 0.927).
        var accuracy = Json(Path.Combine(run.RunDirectory, "metrics.json")).GetProperty("accuracy").GetDouble();
        Assert.True(accuracy >= 0.85, $"accuracy {accuracy}");
        Assert.True(File.Exists(Path.Combine(run.RunDirectory, "model", "forest.bin")));
        Assert.Equal("random-forest", Json(Path.Combine(run.RunDirectory, "model", "pipeline-model.json")).GetProperty("ModelPlugin").GetString());
    }

    [Fact]
    public void Five_fold_cross_validation_on_the_sits_samples_reaches_scikit_learns_accuracy()
    {
        // scikit-learn's RandomForestClassifier(100 trees) reaches 0.961-0.964 on these folds (benchmarks/forest/results.md);
        // nine classes, the largest 20 %: chance is far below.
        var metrics = Json(_sits.File("metrics.json"));
        var accuracy = metrics.GetProperty("accuracy").GetDouble();
        var macroF1 = metrics.GetProperty("macro_f1").GetDouble();

        Assert.True(accuracy >= 0.95, $"accuracy {accuracy}");
        Assert.True(macroF1 >= 0.88, $"macro-F1 {macroF1}");
        Assert.Equal(5, Json(_sits.File("cross-validation.json")).GetProperty("kfold").GetInt32());
    }

    [Fact]
    public void The_out_of_bag_score_is_logged_written_to_the_model_and_agrees_with_cross_validation()
    {
        var forest = Json(_sits.File(Path.Combine("model", "forest.json")));
        var oob = forest.GetProperty("oob_score").GetDouble();
        var cv = Json(_sits.File("metrics.json")).GetProperty("accuracy").GetDouble();

        Assert.Equal(1892, forest.GetProperty("oob_samples").GetInt32());
        Assert.True(Math.Abs(oob - cv) <= 0.02, $"out-of-bag {oob}, cross-validated {cv}");
        Assert.Contains($"Out-of-bag accuracy {oob.ToString("F4", CultureInfo.InvariantCulture)} over 1892 series", File.ReadAllText(_sits.File("run.log")));
    }

    [Fact]
    public void Feature_importances_name_channel_and_time_and_sum_to_one()
    {
        foreach (var file in new[] { "feature-importance.csv", Path.Combine("folds", "fold-1", "feature-importance.csv") })
        {
            var rows = File.ReadAllLines(_sits.File(file));
            Assert.Equal("feature,channel,time_index,time,importance", rows[0]);
            Assert.Equal(92, rows.Length - 1);
            Assert.StartsWith("NDVI/t0,NDVI,0,t0,", rows[1]);
            Assert.StartsWith("MIR/t22,MIR,22,t22,", rows[^1]);
            var importances = rows.Skip(1).Select(r => double.Parse(r.Split(',')[4], CultureInfo.InvariantCulture)).ToArray();
            Assert.All(importances, v => Assert.True(v >= 0));
            Assert.Equal(1.0, importances.Sum(), 9);
            Assert.True(importances.Max() < 0.5, "no single date of a band decides nine crop classes");
        }
    }

    // ----- determinism, save and load -----

    [Fact]
    public void The_same_seed_gives_identical_probabilities_with_any_number_of_threads()
    {
        var (train, test) = SitsHoldout();
        var args = Plugins.Arguments(Forest, ("trees", 40));

        float[] Probabilities(int seed, int threads)
        {
            using var model = Forest.Fit(train, args, Context(_temp.Path, seed, threads));
            return model.PredictProbabilities(test, Context(_temp.Path, seed, threads)).Values;
        }

        var one = Probabilities(7, threads: 1);
        Assert.Equal(one, Probabilities(7, threads: 2));
        Assert.Equal(one, Probabilities(7, threads: 4));
        Assert.NotEqual(one, Probabilities(8, threads: 2)); // the seed does matter
    }

    [Fact]
    public void A_saved_forest_loads_and_predicts_identical_probabilities()
    {
        var (train, test) = SitsHoldout();
        using var model = Forest.Fit(train, Plugins.Arguments(Forest, ("trees", 30), ("max_depth", 12)), Context(_temp.Path));
        var before = model.PredictProbabilities(test, Context(_temp.Path));
        var folder = Directory.CreateDirectory(_temp["saved"]).FullName;

        model.Save(folder);
        using var loaded = Forest.Load(folder, Context(_temp.Path));

        Assert.Equal(model.Classes.Names, loaded.Classes.Names);
        Assert.Equal(before.Values, loaded.PredictProbabilities(test, Context(_temp.Path)).Values);
        Assert.True(SitsSamples.Accuracy(before, test) >= 0.93, $"held-out accuracy {SitsSamples.Accuracy(before, test)}");
        var meta = Json(Path.Combine(folder, "forest.json"));
        Assert.Equal("lstmfcn-random-forest", meta.GetProperty("format").GetString());
        Assert.Equal(1, meta.GetProperty("version").GetInt32());
        Assert.Equal(12, meta.GetProperty("settings").GetProperty("max_depth").GetInt32());
        Assert.Empty(Directory.GetFiles(folder, "*.partial"));
    }

    [Fact]
    public void A_damaged_tree_file_is_reported_not_used()
    {
        var gunPoint = GunPoint();
        using var model = Forest.Fit(gunPoint.Train, Plugins.Arguments(Forest, ("trees", 5)), Context(_temp.Path));
        var folder = Directory.CreateDirectory(_temp["damaged"]).FullName;
        model.Save(folder);
        var trees = Path.Combine(folder, "forest.bin");
        File.WriteAllBytes(trees, File.ReadAllBytes(trees)[..100]);

        var e = Assert.Throws<InvalidDataException>(() => Forest.Load(folder, Context(_temp.Path)));

        Assert.Equal($"{trees}: the file ends early (truncated)", e.Message);
    }

    [Fact]
    public void Without_bootstrap_there_is_no_out_of_bag_score()
    {
        var gunPoint = GunPoint();
        using var model = Forest.Fit(gunPoint.Train, Plugins.Arguments(Forest, ("trees", 20), ("bootstrap", false)), Context(_temp.Path));
        var folder = Directory.CreateDirectory(_temp["no-bootstrap"]).FullName;

        model.Save(folder);

        Assert.Equal(JsonValueKind.Null, Json(Path.Combine(folder, "forest.json")).GetProperty("oob_score").ValueKind);
    }

    // ----- class weights -----

    [Fact]
    public void Balanced_class_weights_find_more_of_a_rare_class()
    {
        var train = SitsSamples.Gaussians(900, 100, seed: 1);
        var test = SitsSamples.Gaussians(500, 500, seed: 2);

        double RareRecall(string weighting)
        {
            // Leaves of at least 20 samples hold both classes, so the weights decide their votes.
            using var model = Forest.Fit(train, Plugins.Arguments(Forest, ("class_weight", weighting), ("min_samples_leaf", 20)), Context(_temp.Path));
            var predicted = model.PredictProbabilities(test, Context(_temp.Path)).ArgMax();
            return predicted.Skip(500).Count(p => p == 1) / 500.0;
        }

        // scikit-learn on the same construction: 0.27 unweighted, 0.74 balanced, 0.75 balanced_subsample.
        double none = RareRecall("none"), balanced = RareRecall("balanced"), subsample = RareRecall("balanced_subsample");
        Assert.True(none < 0.45, $"unweighted rare-class recall {none}");
        Assert.True(balanced > none + 0.25, $"balanced {balanced} vs unweighted {none}");
        Assert.True(subsample > none + 0.25, $"balanced_subsample {subsample} vs unweighted {none}");
    }

    // ----- what it refuses -----

    [Fact]
    public void Series_of_unequal_length_are_refused_with_a_clear_error()
    {
        // JapaneseVowels: 12 channels, 7 to 29 steps per series.
        var ucr = Plugins.Loader("ucr");
        var vowels = ucr.Load(Plugins.Arguments(ucr, ("train", Repo.Dataset("uea", "JapaneseVowels", "TRAIN", "ts"))), Context(_temp.Path)).Train;

        var e = Assert.Throws<InvalidDataException>(() => Forest.Fit(vowels, Plugins.Arguments(Forest), Context(_temp.Path)));

        Assert.StartsWith("test (random-forest): the training series have unequal lengths (7..26: ", e.Message);
        Assert.Contains("a tree model takes every value of a series as a feature, so all series need the same length. " +
                        "Add a preprocessing step such as {plugin: fixed-length}", e.Message);
    }

    [Fact]
    public void Predicting_series_of_another_shape_is_refused()
    {
        var gunPoint = GunPoint();
        using var model = Forest.Fit(gunPoint.Train, Plugins.Arguments(Forest, ("trees", 5)), Context(_temp.Path));
        var cropped = gunPoint.Test.WithSamples(gunPoint.Test.Samples.Select(s => s.WithValues(s.Values[..100], 1)).ToList());

        var e = Assert.Throws<InvalidDataException>(() => model.PredictProbabilities(cropped, Context(_temp.Path)));

        Assert.StartsWith("random-forest: series 'test-0' has 1 channel(s) × 100 values; the model was trained on 1 × 150", e.Message);
    }

    [Fact]
    public void Missing_values_are_refused_naming_the_series_and_the_feature()
    {
        var gunPoint = GunPoint();
        var samples = gunPoint.Train.Samples.ToList();
        var values = (float[])samples[3].Values.Clone();
        values[17] = float.NaN;
        samples[3] = samples[3].WithValues(values, 1);

        var e = Assert.Throws<InvalidDataException>(() =>
            Forest.Fit(gunPoint.Train.WithSamples(samples), Plugins.Arguments(Forest), Context(_temp.Path)));

        Assert.Equal("test (random-forest): series 'train-3' has a missing or infinite value (NaN) at ch0/t17; tree models need complete data", e.Message);
    }

    [Theory]
    [InlineData("abc", "must be sqrt, log2, all, a fraction of the features in (0, 1] written with a decimal point (e.g. 0.3), or a whole number of features (e.g. 12); found 'abc'")]
    [InlineData("1.5", "must be sqrt, log2, all, a fraction of the features in (0, 1] written with a decimal point (e.g. 0.3), or a whole number of features (e.g. 12); found '1.5'")]
    [InlineData("151", "max_features 151 is more than the 150 features of the data")]
    public void A_bad_max_features_is_a_clear_error(string value, string expected)
    {
        var gunPoint = GunPoint();

        var e = Assert.Throws<ArgumentException>(() =>
            Forest.Fit(gunPoint.Train, Plugins.Arguments(Forest, ("max_features", value)), Context(_temp.Path)));

        Assert.EndsWith(expected, e.Message);
        Assert.StartsWith("test (random-forest): ", e.Message);
    }
}
