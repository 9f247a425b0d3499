using LstmFcn.Pipeline.Engine.Plugins;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// Plugin code runs only where the user said: folders from <c>--plugins</c>, <c>$LSTMFCN_PLUGINS</c> and
/// <c>~/.lstmfcn/plugins</c> are the user's choice; a folder a pipeline or a resumed run names is loaded only with
/// <c>--allow-plugins</c> or the user's trust list. A broken plugin folder never takes the host down: an assembly that
/// cannot be loaded is an error naming it, a plugin that cannot be started is skipped with a warning naming it.
/// </summary>
public sealed class HostilePluginSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    string Marker => _temp["marker.txt"];

    /// <summary>A folder holding a plugin whose constructor leaves <see cref="Marker"/>: the marker exists once its code ran.</summary>
    string MarkingPluginFolder()
    {
        var folder = _temp["downloaded/plug"];
        HostilePlugins.Marking(folder, "Hostile.Marking", "hostile-marker", Marker);
        return folder;
    }

    /// <summary>A 1-NN GunPoint pipeline (as if downloaded) that names <paramref name="pluginFolder"/> in its plugins: list.</summary>
    string PipelineNaming(string pluginFolder) => _temp.Write("downloaded/pipeline.yaml", $"""
        name: downloaded
        plugins: [{pluginFolder}]
        loader: {PipelineFiles.GunPointLoader}
        model: {"{plugin: 1nn}"}
        report: [{"{plugin: metrics, with: {print: false}}"}]
        output: {_temp["runs"]}
        """);

    [Fact]
    public void Validate_does_not_load_a_plugin_folder_a_pipeline_names_without_consent()
    {
        var folder = MarkingPluginFolder();
        var pipeline = PipelineNaming(folder);

        var refused = Cli.Run(_temp.Path, "validate", pipeline);

        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains($"error: {pipeline}: plugins: the folder '{folder}' is named by this file, and loading it would run its code. " +
                        "If you trust it, run again with --allow-plugins", refused.Stderr);
        Assert.Contains(".lstmfcn/trusted-plugin-folders", refused.Stderr);
        Assert.False(File.Exists(Marker), "the plugin's code ran although it was not allowed");

        var allowed = Cli.Run(_temp.Path, "validate", pipeline, "--allow-plugins");

        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.True(File.Exists(Marker));
        // A folder the user passes on the command line is their own choice as well.
        var passed = Cli.Run(_temp.Path, "validate", pipeline, "--plugins", folder);
        Assert.True(passed.ExitCode == 0, passed.ToString());
    }

    [Fact]
    public void A_folder_in_the_users_trust_list_is_loaded()
    {
        var folder = MarkingPluginFolder();
        var pipeline = PipelineNaming(folder);
        _temp.Write(".home/.lstmfcn/trusted-plugin-folders", $"# folders I trust\n{Path.GetDirectoryName(folder)}   # and everything in it\n");

        var result = Cli.Run(_temp.Path, "validate", pipeline);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Marker));
    }

    [Fact]
    public void Resuming_a_run_directory_does_not_load_the_plugin_folder_it_names_without_consent()
    {
        var folder = MarkingPluginFolder();
        var first = Cli.Run(_temp.Path, "run", PipelineNaming(folder), "--quiet", "--allow-plugins");
        Assert.True(first.ExitCode == 0, first.ToString());
        var runDirectory = first.Stdout.Trim();
        File.Delete(Marker);

        var refused = Cli.Run(_temp.Path, "run", "--resume", runDirectory, "--quiet");

        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains($"error: {Path.Combine(runDirectory, "pipeline.resolved.yaml")}: plugins: the folder '{folder}'", refused.Stderr);
        Assert.False(File.Exists(Marker));
        var allowed = Cli.Run(_temp.Path, "run", "--resume", runDirectory, "--quiet", "--allow-plugins");
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
    }

    [Fact]
    public void A_plugin_whose_constructor_throws_is_named_and_skipped_with_a_warning()
    {
        var folder = _temp["plugins"];
        HostilePlugins.Throwing(folder, "Hostile.Throwing", "no licence server");

        var listed = Cli.Run(_temp.Path, "plugins", "--plugins", folder);
        var validated = Cli.Run(_temp.Path, "validate", Path.Combine(Repo.Pipelines, "gunpoint-1nn.yaml"), "--plugins", folder);

        foreach (var result in new[] { listed, validated })
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains($"warning: plugin Hostile.Throwing.Plugin in {Path.Combine(folder, "Hostile.Throwing")} cannot be started and is skipped " +
                            "(InvalidOperationException: no licence server)", result.Stderr);
        }
        Assert.Matches(@"model\s+.\s+1nn\b", listed.Stdout);
    }

    [Fact]
    public void A_plugin_that_cannot_be_started_is_skipped_in_the_catalog_too()
    {
        HostilePlugins.Throwing(_temp["plugins"], "Hostile.Throwing", "no licence server");
        HostilePlugins.Marking(_temp["plugins"], "Hostile.Marking", "hostile-marker", Marker);

        var catalog = PluginCatalog.FromFolders(new[] { _temp["plugins"] });

        Assert.Equal("hostile-marker", Assert.Single(catalog.Entries).Name);
        Assert.Contains("Hostile.Throwing.Plugin", Assert.Single(catalog.Warnings));
    }

    [Fact]
    public void A_plugin_folder_with_a_garbage_deps_json_is_an_error_naming_the_plugin_not_a_crash()
    {
        var folder = _temp["plugins"];
        var copy = Path.Combine(folder, Repo.SamplePluginAssembly);
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Repo.SamplePluginFolder)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(copy, Repo.SamplePluginAssembly + ".deps.json"), "{ \"runtimeTarget\": [garbage");

        var result = Cli.Run(_temp.Path, "plugins", "--plugins", folder);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error: {Path.Combine(copy, Repo.SamplePluginAssembly + ".dll")}: cannot load plugin assembly", result.Stderr);
        Assert.DoesNotContain("Unhandled exception", result.Stderr);
    }
}
