using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Engine.Plugins;
using LstmFcn.Pipeline.Engine.Running;

namespace LstmFcn.Pipeline.Tests.Support;

/// <summary>The steps the CLI takes with a pipeline file: load, apply --set overrides, read, resolve, run.</summary>
public static class PipelineFiles
{
    public static ResolvedPipeline Resolve(string path, PluginCatalog? catalog = null, params string[] overrides)
    {
        var doc = PipelineDocument.Load(path);
        foreach (var o in overrides) doc.ApplyOverride(o);
        return PipelineResolver.Resolve(PipelineReader.Read(doc), catalog ?? Plugins.BuiltIn);
    }

    /// <summary>Every error a pipeline file gets, as the CLI prints them ("file:line:column: message").</summary>
    public static IReadOnlyList<PipelineError> Errors(string path, PluginCatalog? catalog = null, params string[] overrides)
    {
        var e = Assert.Throws<PipelineException>(() => Resolve(path, catalog, overrides));
        Assert.NotEmpty(e.Errors);
        return e.Errors;
    }

    public static RunResult Run(ResolvedPipeline pipeline, PluginCatalog? catalog = null) =>
        new PipelineRunner(catalog ?? Plugins.BuiltIn).Run(pipeline, new RunOptions(SilentConsole.Instance, NoProgress.Instance));

    /// <summary>Resolves and runs, as <c>lstmfcn run</c> does.</summary>
    public static RunResult Run(string path, PluginCatalog? catalog = null, params string[] overrides) =>
        Run(Resolve(path, catalog, overrides), catalog);

    /// <summary>The ucr loader over the real GunPoint train and test files, as a YAML flow mapping.</summary>
    public static string GunPointLoader =>
        $"{{plugin: ucr, with: {{train: {Repo.Dataset("ucr", "GunPoint", "TRAIN", "tsv")}, test: {Repo.Dataset("ucr", "GunPoint", "TEST", "tsv")}}}}}";

    /// <summary>
    /// A pipeline over real UCR GunPoint data: loader, the given preprocessing and model steps, metrics, runs into
    /// <paramref name="output"/>. Steps are YAML flow mappings, e.g. <c>{plugin: 1nn, with: {distance: dtw}}</c>.
    /// </summary>
    public static string GunPoint(TempFolder folder, string name, string model, string output, params string[] preprocess) =>
        folder.Write($"{name}.yaml", $"""
            name: {name}
            seed: 42
            device: cpu
            loader: {GunPointLoader}
            preprocess: [{string.Join(", ", preprocess)}]
            model: {model}
            report:
              - plugin: metrics
                with: {"{print: false}"}
            output: {output}
            """);

    /// <summary>A pipeline that applies the saved model in <paramref name="modelDirectory"/> to GunPoint's test set.</summary>
    public static string GunPointPredict(TempFolder folder, string name, string modelDirectory, string output) =>
        folder.Write($"{name}.yaml", $"""
            name: {name}
            device: cpu
            loader: {GunPointLoader}
            model:
              from: {modelDirectory}
            report:
              - plugin: metrics
                with: {"{print: false}"}
            output: {output}
            """);
}
