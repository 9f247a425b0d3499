using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Engine.Plugins;

namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary>Reads, overrides and resolves the pipeline a command names, with the plugin folders it asks for.</summary>
static class PipelineLoading
{
    public static (ResolvedPipeline Pipeline, PluginCatalog Catalog) Resolve(CommandLine cl, string? pipelinePath = null)
    {
        if (pipelinePath is null && cl.Positional.Count != 1)
            throw new UsageException($"'{cl.Verb}' takes one pipeline file, e.g. lstmfcn {cl.Verb} pipelines/gunpoint-1nn.yaml");
        var doc = PipelineDocument.Load(pipelinePath ?? cl.Positional[0]);
        foreach (var assignment in cl.Overrides) doc.ApplyOverride(assignment);
        var definition = PipelineReader.Read(doc);
        var catalog = Catalog(cl);
        return (PipelineResolver.Resolve(definition, catalog), catalog);
    }

    public static PluginCatalog Catalog(CommandLine cl)
    {
        var catalog = PluginCatalog.ForUser(cl.PluginFolders, cl.AllowPlugins);
        foreach (var warning in catalog.Warnings) Console.Error.WriteLine($"warning: {warning}");
        return catalog;
    }
}
