using System.Diagnostics;
using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// Pipeline YAML as CI-style files write it (anchors, aliases, merge keys, <c>x-</c> extension keys) is read, and YAML
/// as an attacker writes it (alias bombs, tags, absurd nesting) fails fast with bounded memory and a located error.
/// </summary>
public sealed class HostileYamlSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    static string Loader => PipelineFiles.GunPointLoader;

    /// <summary>Runs <paramref name="work"/>, failing the spec (not hanging the suite) if it takes longer than <paramref name="seconds"/>.</summary>
    static T Within<T>(double seconds, Func<T> work)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(TimeSpan.FromSeconds(seconds)), $"did not finish within {seconds} s");
        return task.Result;
    }

    [Fact]
    public void Anchors_aliases_and_merge_keys_are_expanded_and_x_keys_ignored()
    {
        var path = _temp.Write("ci.yaml", $"""
            x-common: &common
              seed: 7
            x-knn: &knn
              plugin: 1nn
              with: {"{distance: dtw, window: 0.1}"}
            name: anchored
            <<: *common
            loader: {Loader}
            preprocess: [&z znorm]
            model:
              <<: *knn
              with: {"{distance: euclidean}"}
            report:
              - plugin: metrics
            output: {_temp["runs"]}
            """);

        var pipeline = PipelineFiles.Resolve(path);

        Assert.Equal(7, pipeline.Definition.Seed);                                   // merged into the top level
        Assert.Equal("1nn", pipeline.Model!.Plugin.Name);                            // merged from x-knn
        Assert.Equal("euclidean", pipeline.Model.Arguments.GetString("distance"));   // the mapping's own key wins
        Assert.Equal("znorm", Assert.Single(pipeline.Preprocess).Plugin.Name);
    }

    [Fact]
    public void An_error_inside_an_aliased_node_is_located_where_the_anchor_wrote_it()
    {
        var path = _temp.Write("ci.yaml", $"""
            x-knn: &knn
              plugin: 1nn
              with: {"{distance: manhattan}"}
            loader: {Loader}
            model: *knn
            """);

        var error = Assert.Single(PipelineFiles.Errors(path));

        Assert.StartsWith($"{path}:3:20: model (1nn): parameter 'distance'", error.ToString());
    }

    [Fact]
    public void A_billion_laughs_file_fails_fast_naming_the_alias_that_passes_the_limit()
    {
        var lines = new List<string> { "x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        for (char c = 'b'; c <= 'j'; c++)
            lines.Add($"x-{c}: &{c} [{string.Join(", ", Enumerable.Repeat($"*{(char)(c - 1)}", 9))}]");
        lines.Add($"name: *j\nloader: {Loader}\nmodel: {{plugin: 1nn}}");
        var path = _temp.Write("bomb.yaml", string.Join("\n", lines));
        Assert.InRange(new FileInfo(path).Length, 100, 1024); // the ~1 KB file of the report: 9^10 nodes expanded

        var clock = Stopwatch.StartNew();
        var error = Within(10, () => Assert.Single(PipelineFiles.Errors(path)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}"); // was 13 minutes; ~50 ms on an idle core
        Assert.Equal(6, error.Location.Line);                                        // x-f: the first alias past 100 000 nodes
        Assert.Contains($"the document expands to more than {PlainYamlReader.MaxNodes} nodes (alias '*e' adds", error.Message);
    }

    [Fact]
    public void Aliases_nested_deeper_than_the_limit_are_refused_even_when_small()
    {
        var lines = new List<string> { "x-0: &a0 [1]" };
        for (int i = 1; i <= PlainYamlReader.MaxAliasDepth + 1; i++) lines.Add($"x-{i}: &a{i} [*a{i - 1}]");
        lines.Add($"loader: {Loader}\nmodel: {{plugin: 1nn}}");
        var path = _temp.Write("deep-aliases.yaml", string.Join("\n", lines));

        var error = Assert.Single(PipelineFiles.Errors(path));

        Assert.Equal(PlainYamlReader.MaxAliasDepth + 2, error.Location.Line);                 // x-9, the 10th line
        Assert.Contains($"nests aliases {PlainYamlReader.MaxAliasDepth + 1} deep; at most {PlainYamlReader.MaxAliasDepth} are expanded", error.Message);
    }

    [Fact]
    public void Nesting_deeper_than_any_pipeline_is_refused()
    {
        const int depth = 1_000; // deeper still overflows the stack of YamlDotNet's tree loader: HostileCliSpecs runs that one
        var path = _temp.Write("deep.yaml", $"loader: {Loader}\nmodel: {{plugin: 1nn}}\nname: {new string('[', depth)}{new string(']', depth)}\n");

        var error = Within(10, () => Assert.Single(PipelineFiles.Errors(path)));

        Assert.Contains($"nested more than {PlainYamlReader.MaxDepth} levels deep", error.Message);
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void A_tag_in_a_file_is_refused_as_written_with_its_position()
    {
        var path = _temp.Write("tagged.yaml", $"""
            loader: {Loader}
            model:
              plugin: 1nn
              with: {"{window: !!float 0.1}"}
            """);

        var error = Assert.Single(PipelineFiles.Errors(path));

        Assert.Equal($"{path}:4:18: YAML tags such as '!!float' are not allowed in pipelines: a pipeline is plain data", error.ToString());
    }

    [Theory]
    [InlineData("seed=!!int 7", "!!int")]
    [InlineData("model.with.distance=!python/object:os.system ls", "!python/object:os.system")]
    [InlineData("preprocess=[!!str znorm]", "!!str")]
    public void A_tag_in_a_set_value_is_refused_naming_the_override(string assignment, string tag)
    {
        var error = Assert.Single(PipelineFiles.Errors(Path.Combine(Repo.Pipelines, "gunpoint-1nn.yaml"), null, assignment));

        Assert.StartsWith($"--set {assignment} (column ", error.ToString());
        Assert.Contains($"YAML tags such as '{tag}' are not allowed", error.Message);
    }

    [Fact]
    public void Setting_an_extension_key_is_refused_because_its_aliases_are_already_expanded()
    {
        var path = _temp.Write("ci.yaml", $"""
            x-common: &common {"{seed: 7}"}
            <<: *common
            loader: {Loader}
            model: {"{plugin: 1nn}"}
            """);

        var error = Assert.Single(PipelineFiles.Errors(path, null, "x-common.seed=8"));

        Assert.Contains("'x-common' is an extension key: it reaches the pipeline only through aliases", error.Message);
    }

    [Theory]
    // A tab indenting a mapping: YamlDotNet reports it at 1:1.
    [InlineData("name: t\nloader: {plugin: ucr}\nseed: 1\nmodel:\n\tplugin: 1nn\n", 5, 1)]
    // A tab starting the line after a plain value: YamlDotNet reports where that value ends, on the line above.
    [InlineData("name: t\nseed: 1\nloader:\n  plugin: ucr\n\tmodel: {plugin: 1nn}\n", 5, 1)]
    public void A_tab_is_reported_on_its_own_line(string text, int line, int column)
    {
        var path = _temp.Write("tab.yaml", text);

        var error = Assert.Single(PipelineFiles.Errors(path));

        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
        Assert.Contains("tab", error.Message);
    }

    [Fact]
    public void A_duplicate_key_names_the_line_of_the_first()
    {
        var path = _temp.Write("dup.yaml", $"loader: {Loader}\nmodel: {{plugin: 1nn}}\nseed: 1\nseed: 2\n");

        var error = Assert.Single(PipelineFiles.Errors(path));

        Assert.Equal($"{path}:4:1: duplicate key 'seed' (first at line 3)", error.ToString());
    }
}
