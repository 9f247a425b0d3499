using System.Text.Json;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The <c>report</c> reporter (report.html, report.md, PNG plots), class activation maps from the Deep plugin, and
/// the dataset and model that run.json records for <c>compare</c>.
/// </summary>
[Collection(LibTorchCollection.Name)]
public sealed class ReportSpecs
{
    static readonly byte[] PngSignature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

    static void AssertPng(string path)
    {
        Assert.True(File.Exists(path), $"{path} missing");
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 2000, $"{path}: only {bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes.Take(8).ToArray());
    }

    [Fact]
    public void A_deep_run_reports_metrics_training_curves_and_activation_maps_in_one_html_file()
    {
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPoint(temp, "gunpoint-report", "{plugin: lstm-fcn, with: {epochs: 4}}", temp["runs"], "dataset-znorm");
        var run = PipelineFiles.Run(path, null, "report=[{plugin: metrics, with: {print: false}}, {plugin: report, with: {cam_series: 3}}]");
        var dir = run.RunDirectory;

        foreach (var name in new[] { "confusion-matrix", "class-f1", "training-loss", "training-accuracy", "learning-rate", "cam-1", "cam-2", "cam-3" })
            AssertPng(Path.Combine(dir, "report", name + ".png"));
        Assert.False(File.Exists(Path.Combine(dir, "report", "cam-4.png")));

        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.Equal(8, html.Split("src=\"data:image/png;base64,").Length - 1);   // every plot inlined, no external file
        Assert.DoesNotContain("src=\"report/", html);
        Assert.Contains("Class activation maps", html);
        Assert.Contains("plugin: lstm-fcn", html);                                 // the resolved pipeline
        var md = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Contains("![Confusion matrix", md);
        Assert.Contains("(report/confusion-matrix.png)", md);

        var runJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "run.json"))).RootElement;
        Assert.Equal("GunPoint", runJson.GetProperty("dataset").GetString());
        Assert.Equal("lstm-fcn", runJson.GetProperty("model").GetString());
    }

    [Fact]
    public void Class_activation_maps_have_one_value_per_time_step_and_need_a_head_free_network()
    {
        using var temp = new TempFolder();
        var context = Plugins.Context(temp.Path);
        var loader = Plugins.Loader("ucr");
        var split = loader.Load(Plugins.Arguments(loader, ("train", Repo.Dataset("ucr", "GunPoint", "TRAIN", "tsv"))), context);
        var plugin = Plugins.Model("lstm-fcn");
        var train = split.Train.WithSamples(split.Train.Samples.Take(20).ToList());

        using (var model = plugin.Fit(train, Plugins.Arguments(plugin, ("epochs", 2), ("filters", new long[] { 8, 16, 8 })), context))
        {
            var cam = Assert.IsAssignableFrom<IClassActivationMaps>(model);
            Assert.Null(cam.ClassActivationUnavailableReason);
            var three = train.WithSamples(train.Samples.Take(3).ToList());
            var forClass0 = cam.ClassActivationMaps(three, new[] { 0, 0, 0 }, context);
            var forClass1 = cam.ClassActivationMaps(three, new[] { 1, 1, 1 }, context);
            Assert.All(forClass0, m => Assert.Equal(150, m.Length));
            Assert.All(forClass0, m => Assert.All(m, v => Assert.True(float.IsFinite(v))));
            Assert.NotEqual(forClass0[0], forClass1[0]);                          // a map per class, not one per series
            var mixed = cam.ClassActivationMaps(three, new[] { 1, 0, 1 }, context);
            Assert.Equal(forClass1[0], mixed[0]);
            Assert.Equal(forClass0[1], mixed[1]);
        }

        // Its own run folder: a fit resumes from the checkpoint it finds in the run's folder.
        Directory.CreateDirectory(temp["headed"]);
        using var headed = plugin.Fit(train, Plugins.Arguments(plugin, ("epochs", 1), ("filters", new long[] { 8, 16, 8 }), ("head_units", 16)), Plugins.Context(temp["headed"]));
        var reason = ((IClassActivationMaps)headed).ClassActivationUnavailableReason;
        Assert.Contains("dense head", reason);
        Assert.Throws<InvalidOperationException>(() => ((IClassActivationMaps)headed).ClassActivationMaps(train, train.Labels(), context));
    }

    [Fact]
    public void A_forest_run_reports_feature_importance()
    {
        using var temp = new TempFolder();
        var path = PipelineFiles.GunPoint(temp, "gunpoint-rf-report", "{plugin: random-forest, with: {trees: 20}}", temp["runs"]);
        var run = PipelineFiles.Run(path, null, "report=[report]");
        AssertPng(Path.Combine(run.RunDirectory, "report", "feature-importance.png"));
        var html = File.ReadAllText(Path.Combine(run.RunDirectory, "report.html"));
        Assert.Contains("Ten most important features", html);
        Assert.DoesNotContain("Class activation maps", html);                     // a forest gives none
    }

    [Fact]
    public void A_cross_validated_run_reports_out_of_fold_metrics_and_maps_of_the_prepared_series()
    {
        using var temp = new TempFolder();
        // fixed-length halves the series: the maps must be of the prepared series the final model sees.
        var path = PipelineFiles.GunPoint(temp, "gunpoint-cv-report", "{plugin: lstm-fcn, with: {epochs: 2, filters: [8, 16, 8]}}", temp["runs"],
            "{plugin: fixed-length, with: {length: 75}}");
        var run = PipelineFiles.Run(path, null, "report=[{plugin: report, with: {cam_series: 2}}]", "evaluate={kfold: 2}");
        var html = File.ReadAllText(Path.Combine(run.RunDirectory, "report.html"));
        Assert.Contains("Metrics (2-fold cv, out-of-fold)", html);
        Assert.Contains("pooled for 2-fold cv", html);
        Assert.Contains("map of class", html);
        AssertPng(Path.Combine(run.RunDirectory, "report", "cam-2.png"));
    }
}
