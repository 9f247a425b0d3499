using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>--set a.b.c=value</c> changes any value of a pipeline before it is checked: dotted keys walk mappings, numbers
/// index lists, missing mappings are created and the value is read as YAML. Problems name the override.
/// </summary>
public sealed class PipelineOverrideSpecs : IDisposable
{
    readonly TempFolder _temp = new();
    readonly string _path;

    public PipelineOverrideSpecs()
    {
        // The loader's files must exist for the pipeline to resolve; their contents are not read.
        foreach (var file in new[] { "a_TRAIN.tsv", "b_TEST.tsv" }) _temp.Write(file, "");
        _path = _temp.Write("pipeline.yaml", """
            name: overrides
            loader:
              plugin: ucr
              with:
                train: a_TRAIN.tsv
            preprocess:
              - plugin: znorm
              - plugin: fixed-length
                with:
                  length: 100
            model:
              plugin: 1nn
              with:
                distance: euclidean
            """);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_override_changes_a_nested_value()
    {
        var p = PipelineFiles.Resolve(_path, null, "model.with.distance=dtw", "model.with.window=0.1", "seed=3");

        Assert.Equal("dtw", p.Model!.Arguments.GetString("distance"));
        Assert.Equal(0.1, p.Model.Arguments.GetDouble("window"));
        Assert.Equal(3, p.Definition.Seed);
    }

    [Fact]
    public void An_override_reaches_into_a_list_by_index()
    {
        var p = PipelineFiles.Resolve(_path, null, "preprocess.1.with.length=64", "preprocess.0.plugin=dataset-znorm");

        Assert.Equal(new[] { "dataset-znorm", "fixed-length" }, p.Preprocess.Select(s => s.Plugin.Name));
        Assert.Equal(64, p.Preprocess[1].Arguments.GetInt("length"));
    }

    [Fact]
    public void An_override_creates_missing_mappings()
    {
        var p = PipelineFiles.Resolve(_path, null, "preprocess.0.with.epsilon=0.5", "loader.with.test=b_TEST.tsv");

        Assert.Equal(0.5, p.Preprocess[0].Arguments.GetDouble("epsilon"));
        Assert.Equal(_temp["b_TEST.tsv"], p.Loader.Arguments.GetString("test"));
    }

    [Fact]
    public void An_override_value_is_read_as_yaml()
    {
        var p = PipelineFiles.Resolve(_path, null, "preprocess=[dataset-znorm, {plugin: fixed-length, with: {mode: pad-crop}}]");

        Assert.Equal(new[] { "dataset-znorm", "fixed-length" }, p.Preprocess.Select(s => s.Plugin.Name));
        Assert.Equal("pad-crop", p.Preprocess[1].Arguments.GetString("mode"));
        Assert.Equal(0, p.Preprocess[1].Arguments.GetInt("length"));
    }

    [Fact]
    public void An_empty_override_empties_a_list()
    {
        var p = PipelineFiles.Resolve(_path, null, "preprocess=");

        Assert.Empty(p.Preprocess);
    }

    [Fact]
    public void An_override_without_equals_sign_is_rejected()
    {
        var doc = PipelineDocument.Load(_path);

        var e = Assert.Throws<PipelineException>(() => doc.ApplyOverride("model.with.distance"));

        Assert.Equal("--set model.with.distance: expected KEY=VALUE, e.g. --set model.with.epochs=10", e.Message);
    }

    [Fact]
    public void A_list_index_out_of_range_is_rejected()
    {
        var doc = PipelineDocument.Load(_path);

        var e = Assert.Throws<PipelineException>(() => doc.ApplyOverride("preprocess.2.plugin=znorm"));

        Assert.Equal("--set preprocess.2.plugin=znorm: index 2 is out of range: 'preprocess' has 2 items", e.Message);
    }

    [Fact]
    public void An_override_cannot_set_a_key_inside_a_value()
    {
        var doc = PipelineDocument.Load(_path);

        var e = Assert.Throws<PipelineException>(() => doc.ApplyOverride("name.first=x"));

        Assert.Equal("--set name.first=x: 'name' is a value 'overrides', so 'first' cannot be set inside it", e.Message);
    }

    [Fact]
    public void A_list_is_indexed_by_numbers_only()
    {
        var doc = PipelineDocument.Load(_path);

        var e = Assert.Throws<PipelineException>(() => doc.ApplyOverride("preprocess.first.plugin=znorm"));

        Assert.Contains("'preprocess' is a list, so 'first' cannot be set inside it", e.Message);
    }

    [Fact]
    public void An_invalid_overridden_value_is_reported_as_coming_from_the_override()
    {
        var error = Assert.Single(PipelineFiles.Errors(_path, null, "model.with.window=2"));

        Assert.Equal("--set model.with.window=2: model (1nn): parameter 'window' must be 0 .. 1, found 2", error.ToString());
    }

    [Fact]
    public void An_unknown_key_added_by_an_override_is_reported_as_coming_from_the_override()
    {
        var errors = PipelineFiles.Errors(_path, null, "model.wiht.window=0.5");

        var error = Assert.Single(errors);
        Assert.Equal("--set model.wiht.window=0.5", error.Location.Source);
        Assert.Contains("model: unknown key 'wiht'; did you mean 'with'?", error.Message);
    }

    [Fact]
    public void Overrides_apply_in_order()
    {
        var p = PipelineFiles.Resolve(_path, null, "model.with.distance=dtw", "model.with.distance=euclidean");

        Assert.Equal("euclidean", p.Model!.Arguments.GetString("distance"));
    }
}
