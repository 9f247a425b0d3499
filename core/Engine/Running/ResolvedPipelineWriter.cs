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
        if (def.Missing != Data.MissingValuePolicy.Error) root["missing"] = OptionNames.SnakeCase(def.Missing.ToString());
        if (p.Loader is { } loader) root["loader"] = Step(loader.Plugin, loader.Arguments);
        root["preprocess"] = p.Preprocess.Select(s => Step(s.Plugin, s.Arguments)).ToList();
        root["model"] = p.Model is { } m ? Step(m.Plugin, m.Arguments)
            : p.Ensemble is { } ensemble ? Ensemble(ensemble)
            : new Dictionary<string, object?> { ["from"] = def.ModelFrom };
        if (def.Evaluation is { } cv)
            root["evaluate"] = new Dictionary<string, object?> { ["kfold"] = cv.KFold, ["final_fit"] = cv.FinalFit };
        if (p.Map.Count > 0) root["map"] = p.Map.Select(s => Step(s.Plugin, s.Arguments)).ToList();
        root["report"] = p.Report.Select(s => Step(s.Plugin, s.Arguments)).ToList();
        root["output"] = def.Output;
        // The source is a comment: the file stays a valid pipeline that `run --resume` reads back.
        return $"# Resolved from {Path.GetFullPath(def.Document.Path)}\n" + new SerializerBuilder().Build().Serialize(root);
    }

    // Copies of a repeated model are written back as the one listed model with 'repeat'.
    static Dictionary<string, object?> Ensemble(ResolvedEnsemble ensemble) => new()
    {
        ["ensemble"] = ensemble.Members.Where(m => m.Copy == 0).Select(member =>
        {
            var step = Step(member.Model.Plugin, member.Model.Arguments);
            if (member.Preprocess.Count > 0) step["preprocess"] = member.Preprocess.Select(s => Step(s.Plugin, s.Arguments)).ToList();
            if (member.Copies > 1) step["repeat"] = member.Copies;
            return step;
        }).ToList(),
        ["weights"] = ensemble.ListedWeights.ToList(),
    };

    static Dictionary<string, object?> Step(IPlugin plugin, PluginArguments args) => new()
    {
        ["plugin"] = plugin.Name,
        // An unset optional parameter (null) is left out: written as an empty value it would not read back.
        ["with"] = args.Values.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value),
    };
}
