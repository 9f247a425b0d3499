using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// A pipeline file is checked completely before any work runs; every problem is reported as
/// <c>file:line:column: message</c>, pointing at the offending node, with a suggestion where one helps.
/// </summary>
public sealed class PipelineValidationSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    // The loaders' files must exist for the pipelines to resolve; their contents are not read.
    public PipelineValidationSpecs()
    {
        foreach (var file in new[] { "a.tsv", "a_TEST.tsv", "data/a_TRAIN.tsv" }) _temp.Write(file, "");
    }

    public void Dispose() => _temp.Dispose();

    string Pipeline(string yaml) => _temp.Write("pipeline.yaml", yaml);

    /// <summary>The one error expected at a position, as printed: "path:line:column: message".</summary>
    static PipelineError Single(IReadOnlyList<PipelineError> errors, string path, int line, int column)
    {
        var at = errors.Where(e => e.Location.Source == path && e.Location.Line == line && e.Location.Column == column).ToList();
        Assert.True(at.Count == 1, $"expected one error at {path}:{line}:{column}, got:\n{string.Join("\n", errors)}");
        Assert.StartsWith($"{path}:{line}:{column}: ", at[0].ToString());
        return at[0];
    }

    [Fact]
    public void A_valid_pipeline_resolves_every_step_and_fills_in_defaults()
    {
        var path = Pipeline("""
            name: spec
            seed: 7
            device: cpu
            loader:
              plugin: ucr
              with:
                train: data/a_TRAIN.tsv
            preprocess:
              - znorm
            model:
              plugin: 1nn
              with:
                distance: dtw
            output: out
            """);

        var p = PipelineFiles.Resolve(path);

        Assert.Equal("spec", p.Definition.Name);
        Assert.Equal(7, p.Definition.Seed);
        Assert.Equal(ComputeDevice.Cpu, p.Definition.Device);
        Assert.Equal("ucr", p.Loader.Plugin.Name);
        // Relative paths are relative to the pipeline file, not to the working directory.
        Assert.Equal(_temp["data/a_TRAIN.tsv"], p.Loader.Arguments.GetString("train"));
        Assert.Null(p.Loader.Arguments.GetOptionalString("test"));
        Assert.Equal("auto", p.Loader.Arguments.GetString("format"));
        Assert.Equal(new[] { "znorm" }, p.Preprocess.Select(s => s.Plugin.Name));
        Assert.Equal(1e-8, p.Preprocess[0].Arguments.GetDouble("epsilon"));
        Assert.Equal("1nn", p.Model!.Plugin.Name);
        Assert.Equal("dtw", p.Model.Arguments.GetString("distance"));
        Assert.Equal(1.0, p.Model.Arguments.GetDouble("window"));
        // No report section: the default reporter still leaves metrics.json.
        Assert.Equal(new[] { "metrics" }, p.Report.Select(s => s.Plugin.Name));
        Assert.Equal(_temp["out"], p.Definition.Output);
    }

    [Theory]
    [InlineData("gunpoint-1nn.yaml", "1nn")]
    [InlineData("gunpoint-dtw.yaml", "1nn")]
    public void Shipped_pipelines_are_valid(string file, string model)
    {
        var p = PipelineFiles.Resolve(Path.Combine(Repo.Pipelines, file));
        Assert.Equal(model, p.Model!.Plugin.Name);
        Assert.True(File.Exists(p.Loader.Arguments.GetString("train")), "the bundled sample data is where the pipeline says");
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_line_and_column()
    {
        var path = Pipeline("""
            name: broken
            loader:
              plugin: ucr
               with: {train: a.tsv}
            model: {plugin: 1nn}
            """);

        var error = Assert.Single(PipelineFiles.Errors(path));

        Assert.Equal(path, error.Location.Source);
        Assert.Equal(4, error.Location.Line);
        Assert.True(error.Location.Column > 0);
        Assert.Contains("invalid YAML", error.Message);
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(path)}:4:\\d+: invalid YAML: ", error.ToString());
    }

    [Fact]
    public void An_unclosed_bracket_is_invalid_yaml()
    {
        var path = Pipeline("""
            name: broken
            loader: {plugin: ucr, with: {train: a.tsv}
            model: {plugin: 1nn}
            """);

        var error = Assert.Single(PipelineFiles.Errors(path));

        // The reader stops on the line after the unclosed '{' (YamlDotNet throws no YamlException here: it must not crash).
        Assert.Equal($"{path}:3:1: invalid YAML: cannot read on from here; is a '{{' or '[' above left unclosed?", error.ToString());
    }

    [Fact]
    public void An_unclosed_bracket_at_the_end_is_invalid_yaml()
    {
        var path = Pipeline("""
            loader: {plugin: ucr, with: {train: a.tsv}}
            model: {plugin: 1nn
            """);

        var error = Assert.Single(PipelineFiles.Errors(path));

        Assert.StartsWith($"{path}:3:1: invalid YAML: ", error.ToString());
        Assert.Contains("did not find expected ',' or '}'", error.Message);
    }

    [Fact]
    public void Unknown_top_level_key_is_reported_with_a_suggestion()
    {
        var path = Pipeline("""
            name: typo
            loader: {plugin: ucr, with: {train: a.tsv}}
            model: {plugin: 1nn}
            repotr:
              - plugin: metrics
            """);

        var error = Single(PipelineFiles.Errors(path), path, 4, 1);

        Assert.Contains("unknown key 'repotr'", error.Message);
        Assert.Contains("did you mean 'report'?", error.Message);
    }

    [Fact]
    public void Unknown_step_key_is_reported_with_a_suggestion()
    {
        var path = Pipeline("""
            loader: {plugin: ucr, with: {train: a.tsv}}
            model:
              plugin: 1nn
              wiht:
                distance: dtw
            """);

        var error = Single(PipelineFiles.Errors(path), path, 4, 3);

        Assert.Contains("model: unknown key 'wiht'", error.Message);
        Assert.Contains("'with'", error.Message);
    }

    [Fact]
    public void Unknown_plugin_is_reported_with_line_and_close_names()
    {
        var path = Pipeline("""
            loader: {plugin: ucr, with: {train: a.tsv}}
            preprocess:
              - plugin: znrom
            model: {plugin: 1nn}
            """);

        var error = Single(PipelineFiles.Errors(path), path, 3, 13);

        Assert.Contains("preprocess[0]: unknown preprocessor plugin 'znrom'", error.Message);
        Assert.Contains("did you mean 'znorm'", error.Message);
    }

    [Fact]
    public void Unknown_plugin_without_close_names_lists_the_plugins_of_that_kind()
    {
        var path = Pipeline("""
            loader: {plugin: ucr, with: {train: a.tsv}}
            model: {plugin: quantum-oracle}
            """);

        var error = Single(PipelineFiles.Errors(path), path, 2, 17);

        Assert.Contains("unknown model plugin 'quantum-oracle'", error.Message);
        Assert.Contains("expected one of:", error.Message);
        Assert.Contains("1nn", error.Message);
        Assert.DoesNotContain("znorm", error.Message);
    }

    [Fact]
    public void Plugin_of_the_wrong_kind_is_rejected()
    {
        var path = Pipeline("""
            loader: {plugin: ucr, with: {train: a.tsv}}
            model:
              plugin: znorm
            """);

        var error = Single(PipelineFiles.Errors(path), path, 3, 11);

        Assert.Equal("model: 'znorm' is a preprocessor plugin; this step needs a model", error.Message);
    }

    [Fact]
    public void Unknown_parameter_is_reported_with_a_suggestion()
    {
        var path = Pipeline("""
            loader: {plugin: ucr, with: {train: a.tsv}}
            model:
              plugin: 1nn
              with:
                distanse: dtw
            """);

        var error = Single(PipelineFiles.Errors(path), path, 5, 5);

        Assert.Contains("model (1nn): unknown parameter 'distanse'", error.Message);
        Assert.Contains("did you mean 'distance'?", error.Message);
    }

    [Fact]
    public void Parameter_of_a_plugin_without_parameters_is_unknown()
    {
        var path = Pipeline("""
            loader: {plugin: ucr, with: {train: a.tsv}}
            preprocess:
              - plugin: fixed-length
                with: {length: 10, lenght: 3}
            model: {plugin: 1nn}
            """);

        var error = Assert.Single(PipelineFiles.Errors(path));

        Assert.Contains("unknown parameter 'lenght'", error.Message);
        Assert.Contains("did you mean 'length'?", error.Message);
    }

    [Fact]
    public void Ill_typed_parameter_is_reported_where_the_value_is()
    {
        var path = Pipeline("""
            loader: {plugin: ucr, with: {train: a.tsv}}
            preprocess:
              - plugin: fixed-length
                with:
                  length: abc
            model: {plugin: 1nn}
            """);

        var error = Single(PipelineFiles.Errors(path), path, 5, 15);

        Assert.Equal("preprocess[0] (fixed-length): parameter 'length' must be an integer, found 'abc'", error.Message);
    }

    [Theory]
    [InlineData("window: abc", "parameter 'window' must be a finite number, found 'abc'")]
    [InlineData("window: [0.1]", "parameter 'window' must be a number, found a list")]
    [InlineData("distance: {kind: dtw}", "parameter 'distance' must be one of euclidean|dtw, found a mapping")]
    public void Values_of_the_wrong_shape_are_rejected(string with, string expected)
    {
        var path = Pipeline($"""
            loader: {"{plugin: ucr, with: {train: a.tsv}}"}
            model:
              plugin: 1nn
              with:
                {with}
            """);

        var error = Assert.Single(PipelineFiles.Errors(path));

        Assert.Equal(5, error.Location.Line);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Out_of_range_parameter_is_reported_with_the_allowed_range()
    {
        var path = Pipeline("""
            loader: {plugin: ucr, with: {train: a.tsv}}
            model:
              plugin: 1nn
              with:
                distance: dtw
                window: 1.5
            """);

        var error = Single(PipelineFiles.Errors(path), path, 6, 13);

        Assert.Equal("model (1nn): parameter 'window' must be 0 .. 1, found 1.5", error.Message);
    }

    [Fact]
    public void Below_minimum_integer_is_rejected()
    {
        var path = Pipeline("""
            loader: {plugin: ucr, with: {train: a.tsv}}
            preprocess: [{plugin: fixed-length, with: {length: -3}}]
            model: {plugin: 1nn}
            """);

        var error = Assert.Single(PipelineFiles.Errors(path));

        Assert.Contains("parameter 'length' must be 0 .. 100000000, found -3", error.Message);
    }

    [Fact]
    public void Value_outside_a_choice_suggests_the_closest()
    {
        var path = Pipeline("""
            loader: {plugin: ucr, with: {train: a.tsv}}
            model: {plugin: 1nn, with: {distance: euclidian}}
            """);

        var error = Assert.Single(PipelineFiles.Errors(path));

        Assert.Equal(2, error.Location.Line);
        Assert.Contains("parameter 'distance' must be one of euclidean, dtw; found 'euclidian' (did you mean 'euclidean'?)", error.Message);
    }

    [Fact]
    public void Missing_required_parameter_is_reported_at_the_step()
    {
        var path = Pipeline("""
            name: no-train
            loader:
              plugin: ucr
              with:
                test: a_TEST.tsv
            model: {plugin: 1nn}
            """);

        var error = Single(PipelineFiles.Errors(path), path, 3, 3);

        Assert.StartsWith("loader (ucr): missing required parameter 'train' (path of an existing file:", error.Message);
    }

    [Theory]
    [InlineData("seed: !!python/object:os.system 1", 1)]
    [InlineData("name: !custom x", 1)]
    public void Yaml_tags_are_rejected(string firstLine, int line)
    {
        var path = Pipeline(firstLine + "\n" + """
            loader: {plugin: ucr, with: {train: a.tsv}}
            model: {plugin: 1nn}
            """);

        var error = Assert.Single(PipelineFiles.Errors(path));

        Assert.Equal(line, error.Location.Line);
        Assert.Contains("YAML tags such as", error.Message);
        Assert.Contains("are not allowed in pipelines", error.Message);
    }

    [Fact]
    public void A_tag_deep_inside_a_step_is_rejected_too()
    {
        var path = Pipeline("""
            loader: {plugin: ucr, with: {train: a.tsv}}
            model:
              plugin: 1nn
              with:
                window: !!python/object/apply:os.system ["echo hi"]
            """);

        var error = Assert.Single(PipelineFiles.Errors(path));

        Assert.Equal(5, error.Location.Line);
        Assert.Contains("python/object/apply:os.system", error.Message);
    }

    [Fact]
    public void Missing_loader_and_model_are_both_reported()
    {
        var path = Pipeline("""
            name: nothing-to-do
            seed: 1
            """);

        var errors = PipelineFiles.Errors(path);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.ToString() == $"{path}:1:1: missing 'loader': the step that reads the data (e.g. plugin: ucr)");
        Assert.Contains(errors, e => e.ToString().StartsWith($"{path}:1:1: missing 'model':", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var path = Pipeline("""
            seed: -1
            device: tpu
            loader:
              plugin: ucr
            preprocess:
              - plugin: znrom
            model:
              plugin: 1nn
              with:
                window: 2
            """);

        var errors = PipelineFiles.Errors(path);
        var text = string.Join("\n", errors);

        Assert.Contains($"{path}:1:7: 'seed' must be a non-negative integer", text);
        Assert.Contains($"{path}:2:9: device must be one of auto, cpu, cuda; found 'tpu'", text);
        // Structural problems stop before plugins are looked up; fix them and the plugin problems follow.
        var fixedPath = Pipeline(File.ReadAllText(path).Replace("seed: -1", "seed: 1").Replace("device: tpu", "device: cpu"));
        var next = string.Join("\n", PipelineFiles.Errors(fixedPath));
        Assert.Contains("missing required parameter 'train'", next);
        Assert.Contains("unknown preprocessor plugin 'znrom'", next);
        Assert.Contains("parameter 'window' must be 0 .. 1, found 2", next);
        Assert.Equal(3, PipelineFiles.Errors(fixedPath).Count);
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        var path = Pipeline("");

        var error = Assert.Single(PipelineFiles.Errors(path));

        Assert.Contains("the file is empty", error.Message);
    }

    [Fact]
    public void A_top_level_list_is_rejected()
    {
        var path = Pipeline("- loader\n- model\n");

        var error = Assert.Single(PipelineFiles.Errors(path));

        Assert.Equal(1, error.Location.Line);
        Assert.Contains("expected a mapping at the top of the pipeline", error.Message);
    }

    [Fact]
    public void A_missing_pipeline_file_is_reported()
    {
        var path = _temp["nope.yaml"];

        var error = Assert.Single(PipelineFiles.Errors(path));

        Assert.Equal($"{path}: pipeline file not found", error.ToString());
    }

    [Fact]
    public void A_saved_model_brings_its_own_preprocessing()
    {
        var path = Pipeline("""
            loader: {plugin: ucr, with: {train: a.tsv}}
            preprocess: [znorm]
            model:
              from: runs/x/model
            """);

        var errors = PipelineFiles.Errors(path).Select(e => e.ToString()).ToList();

        Assert.Contains($"{path}:2:13: a saved model ('model: from:') brings its own fitted preprocessing; remove 'preprocess'", errors);
    }

    [Fact]
    public void A_saved_model_folder_must_hold_a_saved_model()
    {
        Directory.CreateDirectory(_temp["runs/x/model"]);
        var path = Pipeline("""
            loader: {plugin: ucr, with: {train: a.tsv}}
            model:
              from: runs/x/model
            """);

        var error = Assert.Single(PipelineFiles.Errors(path));

        Assert.Equal($"model.from: '{_temp["runs/x/model"]}' holds no saved model (pipeline-model.json is missing)", error.Message);
    }

    [Fact]
    public void A_model_is_either_trained_or_loaded_not_both()
    {
        var path = Pipeline("""
            loader: {plugin: ucr, with: {train: a.tsv}}
            model:
              plugin: 1nn
              from: runs/x/model
            """);

        var errors = PipelineFiles.Errors(path);

        Assert.Contains(errors, e => e.Location.Line == 3 && e.Message.Contains("give either 'plugin' (train a model) or 'from'"));
    }

    [Fact]
    public void A_missing_plugin_folder_is_an_error()
    {
        var path = Pipeline("""
            plugins: [no-such-folder]
            loader: {plugin: ucr, with: {train: a.tsv}}
            model: {plugin: 1nn}
            """);

        var error = Assert.Single(PipelineFiles.Errors(path, Plugins.NewBuiltInCatalog()));

        Assert.Contains($"plugin folder '{_temp["no-such-folder"]}' does not exist", error.Message);
    }

    [Fact]
    public void A_malformed_pipeline_leaves_no_run_directory()
    {
        var output = _temp["runs"];
        var path = Pipeline($"""
            loader: {"{plugin: ucr, with: {train: "}{Repo.Dataset("ucr", "GunPoint", "TRAIN", "tsv")}{"}}"}
            model: {"{plugin: 1nn, with: {window: 3}}"}
            output: {output}
            """);

        Assert.Throws<PipelineException>(() => PipelineFiles.Run(path));

        Assert.False(Directory.Exists(output), "a pipeline that does not validate must not start a run");
    }
}
