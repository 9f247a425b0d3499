using LstmFcn.Pipeline.Engine.Pipelines;
using YamlDotNet.Serialization;

namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>Renders the pipeline as it actually ran: overrides applied, every default filled in, paths absolute.</summary>
public static class ResolvedPipelineWriter
{
    public static string ToYaml(ResolvedPipeline p)
    {
        var def = p.Definition;
        var root = new Dictionary<string, object?>
        {
            ["name"] = def.Name,
            ["seed"] = def.Seed,
            ["device"] = def.Device.ToString().ToLowerInvariant(),
            ["threads"] = def.Threads,
        };
        if (def.PluginFolders.Count > 0) root["plugins"] = def.PluginFolders.ToList();
        root["loader"] = Step(p.Loader.Plugin, p.Loader.Arguments);
        root["preprocess"] = p.Preprocess.Select(s => Step(s.Plugin, s.Arguments)).ToList();
        root["model"] = p.Model is { } m ? Step(m.Plugin, m.Arguments) : new Dictionary<string, object?> { ["from"] = def.ModelFrom };
        if (def.Evaluation is { } cv)
            root["evaluate"] = new Dictionary<string, object?> { ["kfold"] = cv.KFold, ["final_fit"] = cv.FinalFit };
        root["report"] = p.Report.Select(s => Step(s.Plugin, s.Arguments)).ToList();
        root["output"] = def.Output;
        // The source is a comment: the file stays a valid pipeline that `run --resume` reads back.
        return $"# Resolved from {Path.GetFullPath(def.Document.Path)}\n" + new SerializerBuilder().Build().Serialize(root);
    }

    static Dictionary<string, object?> Step(IPlugin plugin, PluginArguments args) => new()
    {
        ["plugin"] = plugin.Name,
        ["with"] = args.Values.ToDictionary(kv => kv.Key, kv => kv.Value),
    };
}
