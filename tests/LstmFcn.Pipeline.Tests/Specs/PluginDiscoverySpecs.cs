using System.Text.Json;
using LstmFcn.Pipeline.Engine.Plugins;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// Plugins are found in folders, as <c>Name/Name.dll</c> (what <c>dotnet build -o</c> gives) or as loose
/// <c>Name.dll</c> with its <c>Name.deps.json</c>. Built-ins are found exactly like third-party plugins.
/// </summary>
public sealed class PluginDiscoverySpecs : IDisposable
{
    readonly TempFolder _temp = new();

    // The loader's file must exist for the pipelines to resolve; its contents are not read.
    public PluginDiscoverySpecs() => _temp.Write("a.tsv", "");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("ucr", PluginKind.Loader, "LstmFcn.Plugins.Ucr")]
    [InlineData("znorm", PluginKind.Preprocessor, "LstmFcn.Plugins.Preprocessing")]
    [InlineData("dataset-znorm", PluginKind.Preprocessor, "LstmFcn.Plugins.Preprocessing")]
    [InlineData("fixed-length", PluginKind.Preprocessor, "LstmFcn.Plugins.Preprocessing")]
    [InlineData("1nn", PluginKind.Model, "LstmFcn.Plugins.Neighbours")]
    [InlineData("metrics", PluginKind.Reporter, "LstmFcn.Plugins.Metrics")]
    public void Built_in_plugins_are_found_in_the_app_folder_with_their_kind(string name, PluginKind kind, string assembly)
    {
        Assert.True(Plugins.BuiltIn.TryGet(name, out var entry), $"'{name}' not found in {Repo.BuiltInPlugins}");

        Assert.Equal(kind, entry.Kind);
        Assert.Equal(Path.Combine(Repo.BuiltInPlugins, assembly, assembly + ".dll"), entry.AssemblyPath);
        Assert.False(string.IsNullOrWhiteSpace(entry.Plugin.Description));
        Assert.Contains(entry, Plugins.BuiltIn.OfKind(kind));
    }

    [Fact]
    public void Built_in_plugins_share_the_hosts_contract_types()
    {
        var entry = Plugins.BuiltIn.Get("ucr");

        // One identity: the plugin's IPlugin is the host's IPlugin, so it casts without reflection.
        Assert.IsAssignableFrom<ILoaderPlugin>(entry.Plugin);
        Assert.Same(typeof(IPlugin).Assembly, entry.Plugin.GetType().GetInterfaces().Single(i => i.Name == "IPlugin").Assembly);
    }

    [Fact]
    public void Every_declared_parameter_default_fits_its_declaration()
    {
        foreach (var entry in Plugins.BuiltIn.Entries)
            foreach (var p in entry.Plugin.Parameters)
            {
                Assert.Matches("^[a-z][a-z0-9_]*$", p.Name);
                if (p.Required || p.Default is null) continue;
                if (p.Default is long or double && (p.Minimum is { } lo))
                    Assert.True(Convert.ToDouble(p.Default) >= lo, $"{entry.Name}.{p.Name}: default below minimum");
                if (p.AllowedValues is { Count: > 0 } allowed)
                    Assert.Contains((string)p.Default, allowed);
            }
    }

    [Fact]
    public void The_sample_third_party_plugin_is_found_in_a_dropped_in_folder()
    {
        var catalog = Plugins.NewBuiltInCatalog();
        Assert.False(catalog.TryGet("moving-average", out _));

        catalog.AddFolder(Repo.UserPlugins);

        var entry = catalog.Get("moving-average");
        Assert.Equal(PluginKind.Preprocessor, entry.Kind);
        Assert.Equal(Path.Combine(Repo.SamplePluginFolder, Repo.SamplePluginAssembly + ".dll"), entry.AssemblyPath);
        var window = Assert.Single(entry.Plugin.Parameters);
        Assert.Equal(("window", ParameterType.Integer, 3L, 1.0), (window.Name, window.Type, window.Default, window.Minimum));
        // Built like a third-party plugin: the contracts come from the host, not from the plugin's folder.
        Assert.False(File.Exists(Path.Combine(Repo.SamplePluginFolder, "LstmFcn.Pipeline.Contracts.dll")));
    }

    [Fact]
    public void The_sample_plugin_smooths_with_a_centred_window_and_keeps_the_length()
    {
        var catalog = PluginCatalog.FromFolders(new[] { Repo.UserPlugins });
        var plugin = (IPreprocessorPlugin)catalog.Get("moving-average").Plugin;
        var data = new TimeSeriesDataset(new[]
        {
            // Two channels of five points.
            new TimeSeriesSample("s", new float[] { 1, 2, 3, 4, 5, 10, 0, 10, 0, 10 }, 2, 0),
        }, new ClassLabels(new[] { "a" }));

        var fitted = plugin.Fit(data, Plugins.Arguments(plugin, ("window", 3)), Plugins.Context(_temp.Path));
        var smoothed = fitted.Transform(data).Samples[0];

        Assert.Equal(5, smoothed.Length);
        Assert.Equal(2, smoothed.Channels);
        Assert.Equal(new[] { 1.5f, 2, 3, 4, 4.5f }, smoothed.Channel(0).ToArray());
        Assert.Equal(new[] { 5f, 20f / 3, 10f / 3, 20f / 3, 5f }, smoothed.Channel(1).ToArray());
        Assert.Empty(fitted.State);
        // Window 1 leaves the series as it is.
        var same = plugin.Fit(data, Plugins.Arguments(plugin, ("window", 1)), Plugins.Context(_temp.Path)).Transform(data);
        Assert.Equal(data.Samples[0].Values, same.Samples[0].Values);
    }

    [Fact]
    public void The_sample_plugin_is_usable_in_a_run_and_in_a_saved_model()
    {
        var catalog = TrustingUserPlugins();
        var output = _temp["runs"];
        var path = _temp.Write("smooth.yaml", $"""
            name: smooth
            plugins: [{Repo.UserPlugins}]
            loader:
              plugin: ucr
              with:
                train: {Repo.Dataset("ucr", "GunPoint", "TRAIN", "tsv")}
                test: {Repo.Dataset("ucr", "GunPoint", "TEST", "tsv")}
            preprocess:
              - znorm
              - plugin: moving-average
                with:
                  window: 5
            model: {"{plugin: 1nn}"}
            report: [{"{plugin: metrics, with: {print: false}}"}]
            output: {output}
            """);

        var run = PipelineFiles.Run(path, catalog);

        var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.RunDirectory, "metrics.json"))).RootElement;
        Assert.InRange(metrics.GetProperty("accuracy").GetDouble(), 0.85, 1.0);
        Assert.Contains("moving-average", File.ReadAllText(Path.Combine(run.RunDirectory, "pipeline.resolved.yaml")));
        Assert.Contains("\"moving-average\"", File.ReadAllText(Path.Combine(run.RunDirectory, "model", "pipeline-model.json")));

        // The saved model re-applies the third-party step (from its saved arguments) before predicting.
        var again = _temp.Write("again.yaml", $"""
            name: again
            plugins: [{Repo.UserPlugins}]
            loader:
              plugin: ucr
              with:
                train: {Repo.Dataset("ucr", "GunPoint", "TRAIN", "tsv")}
                test: {Repo.Dataset("ucr", "GunPoint", "TEST", "tsv")}
            model: {"{from: "}{Path.Combine(run.RunDirectory, "model")}{"}"}
            report: [{"{plugin: metrics, with: {print: false}}"}]
            output: {output}
            """);
        var rerun = PipelineFiles.Run(again, TrustingUserPlugins());
        Assert.Equal(run.Probabilities!.Values, rerun.Probabilities!.Values);
    }

    [Theory]
    [InlineData("abc", "parameter 'window' must be an integer, found 'abc'")]
    [InlineData("0", "parameter 'window' must be >= 1, found 0")]
    [InlineData("2.5", "parameter 'window' must be an integer, found '2.5'")]
    public void A_third_party_plugin_is_validated_against_its_declared_parameters(string window, string expected)
    {
        var path = _temp.Write("smooth.yaml", $"""
            plugins: [{Repo.UserPlugins}]
            loader: {"{plugin: ucr, with: {train: a.tsv}}"}
            preprocess:
              - plugin: moving-average
                with:
                  window: {window}
            model: {"{plugin: 1nn}"}
            """);

        var error = Assert.Single(PipelineFiles.Errors(path, TrustingUserPlugins()));

        Assert.Equal($"{path}:6:15: preprocess[0] (moving-average): {expected}", error.ToString());
    }

    [Fact]
    public void A_third_party_plugin_that_is_not_installed_is_an_unknown_plugin()
    {
        var path = _temp.Write("smooth.yaml", """
            loader: {plugin: ucr, with: {train: a.tsv}}
            preprocess: [moving-average]
            model: {plugin: 1nn}
            """);

        var error = Assert.Single(PipelineFiles.Errors(path, Plugins.NewBuiltInCatalog()));

        Assert.Equal(2, error.Location.Line);
        Assert.Contains("unknown preprocessor plugin 'moving-average'", error.Message);
    }

    [Fact]
    public void Two_plugins_with_one_name_are_an_error_naming_both()
    {
        var copy = _temp["elsewhere"];
        CopyFolder(Repo.SamplePluginFolder, Path.Combine(copy, Repo.SamplePluginAssembly));
        var catalog = PluginCatalog.FromFolders(new[] { Repo.UserPlugins });

        var e = Assert.Throws<PluginLoadException>(() => catalog.AddFolder(copy));

        Assert.Contains("two plugins are named 'moving-average'", e.Message);
        Assert.Contains(Path.Combine(Repo.SamplePluginFolder, Repo.SamplePluginAssembly + ".dll"), e.Message);
        Assert.Contains(Path.Combine(copy, Repo.SamplePluginAssembly, Repo.SamplePluginAssembly + ".dll"), e.Message);
    }

    [Fact]
    public void A_plugin_reached_twice_is_loaded_once()
    {
        var catalog = PluginCatalog.FromFolders(new[] { Repo.UserPlugins, Repo.UserPlugins + Path.DirectorySeparatorChar });

        // The same assembly is not a second plugin of the same name.
        Assert.Equal("moving-average", Assert.Single(catalog.Entries).Name);
    }

    [Fact]
    public void A_loose_dll_with_its_deps_json_is_a_plugin()
    {
        var loose = _temp["loose"];
        Directory.CreateDirectory(loose);
        foreach (var ext in new[] { ".dll", ".deps.json" })
            File.Copy(Path.Combine(Repo.SamplePluginFolder, Repo.SamplePluginAssembly + ext), Path.Combine(loose, Repo.SamplePluginAssembly + ext));

        var catalog = PluginCatalog.FromFolders(new[] { loose });

        Assert.Equal(Path.Combine(loose, Repo.SamplePluginAssembly + ".dll"), catalog.Get("moving-average").AssemblyPath);
    }

    [Fact]
    public void A_loose_dll_without_deps_json_is_not_a_plugin()
    {
        var loose = _temp["loose"];
        Directory.CreateDirectory(loose);
        File.Copy(Path.Combine(Repo.SamplePluginFolder, Repo.SamplePluginAssembly + ".dll"), Path.Combine(loose, Repo.SamplePluginAssembly + ".dll"));
        // A sub-folder whose dll is not named after it is not a plugin either.
        CopyFolder(Repo.SamplePluginFolder, _temp["loose/misnamed"]);

        var catalog = PluginCatalog.FromFolders(new[] { loose });

        Assert.Empty(catalog.Entries);
    }

    [Fact]
    public void A_missing_folder_is_ignored()
    {
        var catalog = PluginCatalog.FromFolders(new[] { _temp["not-there"] });

        Assert.Empty(catalog.Entries);
        Assert.Equal(new[] { _temp["not-there"] }, catalog.Folders);
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_is_a_load_error()
    {
        var bad = _temp["bad/Broken.Plugin"];
        Directory.CreateDirectory(bad);
        File.WriteAllText(Path.Combine(bad, "Broken.Plugin.dll"), "not a PE file");
        var catalog = new PluginCatalog();

        var e = Assert.Throws<PluginLoadException>(() => catalog.AddFolder(_temp["bad"]));

        Assert.Contains("Broken.Plugin.dll: cannot load plugin assembly", e.Message);
    }

    [Fact]
    public void Asking_for_an_unknown_plugin_suggests_close_names()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => Plugins.BuiltIn.Get("1-nn"));

        Assert.Contains("no plugin named '1-nn'; did you mean '1nn'", e.Message);
    }

    /// <summary>
    /// The built-in catalog with the sample plugins' folder trusted: these pipelines name it in their plugins: list,
    /// which the catalog loads only with the user's consent (HostilePluginSpecs).
    /// </summary>
    static PluginCatalog TrustingUserPlugins()
    {
        var catalog = Plugins.NewBuiltInCatalog();
        catalog.Consent = new PluginFolderConsent(chosen: Array.Empty<string>(), trusted: new[] { Repo.UserPlugins }, allowAll: false);
        return catalog;
    }

    static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
