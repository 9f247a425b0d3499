using System.Globalization;
using YamlDotNet.RepresentationModel;

using LstmFcn.Pipeline.Engine.Naming;

namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>
/// Reads the top-level structure of a pipeline document, collecting every problem with its location in
/// <see cref="PipelineDefinition.Problems"/> (it throws nothing: <see cref="PipelineResolver"/> reports them with its own).
/// </summary>
public static class PipelineReader
{
    static readonly string[] TopLevelKeys = { "name", "description", "seed", "device", "threads", "plugins", "missing", "loader", "preprocess", "model", "map", "report", "output", "evaluate" };
    static readonly string[] EvaluateKeys = { "kfold", "final_fit" };
    static readonly string[] StepKeys = { "plugin", "with", "name" };
    static readonly string[] ModelKeys = { "plugin", "with", "name", "from" };
    static readonly string[] EnsembleKeys = { "ensemble", "weights", "name" };
    static readonly string[] MemberKeys = { "plugin", "with", "name", "preprocess", "repeat" };
    /// <summary>The most copies one ensemble member may ask for: more is surely a typo, and each copy is a full training.</summary>
    const int MaxRepeat = 100;

    public static PipelineDefinition Read(PipelineDocument doc)
    {
        var errors = new List<PipelineError>();
        var root = doc.Root;

        foreach (var (keyNode, _) in root.Children)
        {
            var key = Scalar(keyNode);
            if (!TopLevelKeys.Contains(key))
                errors.Add(new(doc.LocationOf(keyNode), $"unknown key '{key}'; {NameSuggestions.Hint(key, TopLevelKeys)}"));
        }

        string name = ReadScalar(doc, root, "name", errors) ?? Path.GetFileNameWithoutExtension(doc.Path);
        int seed = ReadInt(doc, root, "seed", 42, errors);
        int threads = ReadInt(doc, root, "threads", 0, errors);
        var device = ComputeDevice.Auto;
        if (Child(root, "device") is { } deviceNode)
        {
            var text = deviceNode is YamlScalarNode s ? s.Value ?? "" : "";
            if (!Enum.TryParse(text, ignoreCase: true, out device) || int.TryParse(text, out _))
                errors.Add(new(doc.LocationOf(deviceNode), $"device must be one of auto, cpu, cuda; found '{text}'"));
        }

        var missing = Data.MissingValuePolicy.Error;
        if (Child(root, "missing") is { } missingNode)
        {
            var text = missingNode is YamlScalarNode ms ? ms.Value ?? "" : "";
            if (!Enum.TryParse(text, ignoreCase: true, out missing) || int.TryParse(text, out _))
                errors.Add(new(doc.LocationOf(missingNode), $"missing must be one of error, interpolate, zero (what to do with NaN or infinite values in the data); found {PipelineDocument.Describe(missingNode)}"));
        }

        var pluginFolders = new List<string>();
        if (Child(root, "plugins") is { } pluginsNode)
        {
            if (pluginsNode is YamlSequenceNode seq)
                foreach (var item in seq.Children)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } folder })
                        pluginFolders.Add(Path.GetFullPath(Path.Combine(doc.Directory, folder)));
                    else
                        errors.Add(new(doc.LocationOf(item), "expected a folder path"));
                }
            else
                errors.Add(new(doc.LocationOf(pluginsNode), "'plugins' must be a list of folders"));
        }

        StepDefinition? loader = null;
        if (Child(root, "loader") is { } loaderNode)
            loader = ReadStep(doc, "loader", loaderNode, StepKeys, errors);
        var map = ReadStepList(doc, root, "map", errors);

        var preprocess = ReadStepList(doc, root, "preprocess", errors);

        StepDefinition? model = null;
        string? modelFrom = null;
        EnsembleDefinition? ensemble = null;
        if (Child(root, "model") is { } modelNode)
        {
            if (modelNode is YamlMappingNode em && Child(em, "ensemble") is { } membersNode)
                ensemble = ReadEnsemble(doc, em, membersNode, errors);
            else if (modelNode is YamlMappingNode mm && Child(mm, "from") is { } fromNode)
            {
                if (fromNode is YamlScalarNode { Value: { Length: > 0 } from })
                    modelFrom = Path.GetFullPath(Path.Combine(doc.Directory, from));
                else
                    errors.Add(new(doc.LocationOf(fromNode), "'from' must be the folder of a saved model"));
                if (Child(mm, "plugin") is { } p)
                    errors.Add(new(doc.LocationOf(p), "give either 'plugin' (train a model) or 'from' (use a saved one), not both"));
                foreach (var (k, _) in mm.Children)
                    if (!ModelKeys.Contains(Scalar(k)))
                        errors.Add(new(doc.LocationOf(k), $"unknown key '{Scalar(k)}' in model; {NameSuggestions.Hint(Scalar(k), ModelKeys)}"));
            }
            else
                model = ReadStep(doc, "model", modelNode, StepKeys, errors);
        }
        else
            errors.Add(new(new SourceLocation(doc.Path, 1, 1), "missing 'model': the step that learns (e.g. plugin: lstm-fcn) or 'model: {from: RUN/model}'"));

        if (modelFrom is not null && preprocess.Count > 0)
            errors.Add(new(doc.LocationOf(Child(root, "preprocess")!),
                "a saved model ('model: from:') brings its own fitted preprocessing; remove 'preprocess'"));

        // A saved model that only maps a cube needs no data to evaluate on; every other pipeline reads some.
        bool onlyMaps = modelFrom is not null && map.Count > 0;
        if (Child(root, "loader") is null && !onlyMaps)
            errors.Add(new(new SourceLocation(doc.Path, 1, 1), "missing 'loader': the step that reads the data (e.g. plugin: ucr)" +
                (modelFrom is not null ? "; a saved model may do without one only when the pipeline has a map: stage" : "")));
        var report = ReadStepList(doc, root, "report", errors);
        string output = ReadScalar(doc, root, "output", errors) ?? "runs";
        output = Path.GetFullPath(Path.Combine(doc.Directory, output));

        var evaluation = ReadEvaluation(doc, root, errors);
        if (evaluation is not null && modelFrom is not null)
            errors.Add(new(doc.LocationOf(Child(root, "evaluate")!), "cross-validation fits models; it cannot evaluate a saved model ('model: from:')"));

        // Structural problems do not stop here: the resolver adds what it finds in the steps that could be read (an
        // unknown plugin, a wrong value) and reports everything in one pass.
        return new PipelineDefinition(doc, name, seed, device, threads, pluginFolders, loader, preprocess, model, modelFrom, report, output)
        {
            Evaluation = evaluation,
            Ensemble = ensemble,
            Problems = errors,
            Map = map,
            Missing = missing,
        };
    }

    static EnsembleDefinition? ReadEnsemble(PipelineDocument doc, YamlMappingNode model, YamlNode membersNode, List<PipelineError> errors)
    {
        foreach (var (k, _) in model.Children)
            if (!EnsembleKeys.Contains(Scalar(k)))
                errors.Add(new(doc.LocationOf(k), $"unknown key '{Scalar(k)}' in model: an ensemble takes 'ensemble' (its models) and " +
                                                  $"'weights'; {NameSuggestions.Hint(Scalar(k), EnsembleKeys)}"));
        const string TooFew = "model.ensemble must list at least two models, each '- plugin: NAME' with optional 'with:' and its own " +
                              "'preprocess:', or one model with 'repeat: N' (N ≥ 2 copies trained from different seeds)";
        if (membersNode is not YamlSequenceNode { Children.Count: >= 1 } seq)
        {
            errors.Add(new(doc.LocationOf(membersNode), TooFew));
            return null;
        }
        var members = new List<EnsembleMemberDefinition>();
        int models = 0;
        for (int i = 0; i < seq.Children.Count; i++)
        {
            var section = $"model.ensemble[{i}]";
            var step = ReadStep(doc, section, seq.Children[i], MemberKeys, errors);
            var map = seq.Children[i] as YamlMappingNode;
            var preprocess = map is not null ? ReadStepList(doc, map, "preprocess", errors, section + ".") : new List<StepDefinition>();
            int repeat = 1;
            if (map is not null && Child(map, "repeat") is { } repeatNode &&
                (repeatNode is not YamlScalarNode { Value: var rText } ||
                 !int.TryParse(rText, NumberStyles.Integer, CultureInfo.InvariantCulture, out repeat) || repeat < 1 || repeat > MaxRepeat))
            {
                errors.Add(new(doc.LocationOf(repeatNode),
                    $"{section}.repeat must be a whole number from 1 to {MaxRepeat} (copies of this model, each from its own seed), " +
                    $"found {PipelineDocument.Describe(repeatNode)}"));
                repeat = 1;
            }
            models += repeat;
            if (step is not null) members.Add(new EnsembleMemberDefinition(step, preprocess, repeat));
        }
        if (models < 2) errors.Add(new(doc.LocationOf(membersNode), TooFew));

        var weights = Enumerable.Repeat(1.0, seq.Children.Count).ToList();
        if (Child(model, "weights") is { } weightsNode)
        {
            var read = weightsNode is YamlSequenceNode ws
                ? ws.Children.Select(w => w is YamlScalarNode { Value: var t } &&
                      double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 && double.IsFinite(v) ? v : double.NaN).ToList()
                : null;
            if (read is null || read.Count != seq.Children.Count || read.Any(double.IsNaN) || read.Sum() <= 0)
                errors.Add(new(doc.LocationOf(weightsNode),
                    $"model.weights must list {seq.Children.Count} non-negative numbers (one per ensemble model, not all zero), " +
                    $"found {PipelineDocument.Describe(weightsNode)}"));
            else
                weights = read;
        }
        return new EnsembleDefinition(members, weights);
    }

    static EvaluationDefinition? ReadEvaluation(PipelineDocument doc, YamlMappingNode root, List<PipelineError> errors)
    {
        if (Child(root, "evaluate") is not { } node) return null;
        if (node is not YamlMappingNode map)
        {
            errors.Add(new(doc.LocationOf(node), "'evaluate' must be a mapping, e.g. {kfold: 5}"));
            return null;
        }
        foreach (var (k, _) in map.Children)
            if (!EvaluateKeys.Contains(Scalar(k)))
                errors.Add(new(doc.LocationOf(k), $"unknown key '{Scalar(k)}' in evaluate; {NameSuggestions.Hint(Scalar(k), EvaluateKeys)}"));
        int folds = 0;
        if (Child(map, "kfold") is not { } kNode)
            errors.Add(new(doc.LocationOf(map), "evaluate: missing 'kfold' (the number of cross-validation folds, at least 2)"));
        else if (kNode is not YamlScalarNode { Value: var kText } || !int.TryParse(kText, NumberStyles.Integer, CultureInfo.InvariantCulture, out folds) || folds < 2)
            errors.Add(new(doc.LocationOf(kNode), $"evaluate.kfold must be an integer ≥ 2, found {PipelineDocument.Describe(kNode)}"));
        bool finalFit = true;
        if (Child(map, "final_fit") is { } fNode && (fNode is not YamlScalarNode { Value: var fText } || !bool.TryParse(fText, out finalFit)))
            errors.Add(new(doc.LocationOf(fNode), $"evaluate.final_fit must be true or false, found {PipelineDocument.Describe(fNode)}"));
        return new EvaluationDefinition(folds, finalFit);
    }

    static IReadOnlyList<StepDefinition> ReadStepList(PipelineDocument doc, YamlMappingNode root, string key, List<PipelineError> errors,
        string sectionPrefix = "")
    {
        var steps = new List<StepDefinition>();
        if (Child(root, key) is not { } node) return steps;
        if (node is YamlScalarNode { Value: null or "" or "~" or "null" }) return steps; // an empty key
        if (node is not YamlSequenceNode seq)
        {
            errors.Add(new(doc.LocationOf(node), $"'{sectionPrefix}{key}' must be a list of steps (each '- plugin: NAME')"));
            return steps;
        }
        for (int i = 0; i < seq.Children.Count; i++)
            if (ReadStep(doc, $"{sectionPrefix}{key}[{i}]", seq.Children[i], StepKeys, errors) is { } step)
                steps.Add(step);
        return steps;
    }

    static StepDefinition? ReadStep(PipelineDocument doc, string section, YamlNode node, string[] allowedKeys, List<PipelineError> errors)
    {
        // Shorthand: "- znorm" means "- plugin: znorm".
        if (node is YamlScalarNode { Value: { Length: > 0 } shorthand })
            return new StepDefinition(section, shorthand, new YamlMappingNode(), doc.LocationOf(node), doc.LocationOf(node));
        if (node is not YamlMappingNode map)
        {
            errors.Add(new(doc.LocationOf(node), $"{section}: expected a step with 'plugin:' (and optionally 'with:')"));
            return null;
        }
        foreach (var (k, _) in map.Children)
        {
            var key = Scalar(k);
            if (!allowedKeys.Contains(key))
                errors.Add(new(doc.LocationOf(k), $"{section}: unknown key '{key}'; {NameSuggestions.Hint(key, allowedKeys)}"));
        }
        var pluginNode = Child(map, "plugin");
        if (pluginNode is not YamlScalarNode { Value: { Length: > 0 } plugin })
        {
            errors.Add(new(doc.LocationOf(pluginNode ?? map), $"{section}: missing 'plugin:' naming the plugin to run"));
            return null;
        }
        var with = new YamlMappingNode();
        if (Child(map, "with") is { } withNode)
        {
            if (withNode is YamlMappingNode wm) with = wm;
            else if (withNode is not YamlScalarNode { Value: null or "" or "~" })
                errors.Add(new(doc.LocationOf(withNode), $"{section}: 'with' must be a mapping of parameter: value"));
        }
        return new StepDefinition(section, plugin, with, doc.LocationOf(map), doc.LocationOf(pluginNode));
    }

    internal static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    internal static string Scalar(YamlNode node) => node is YamlScalarNode s ? s.Value ?? "" : YamlDocumentDescribe(node);

    static string YamlDocumentDescribe(YamlNode node) => PipelineDocument.Describe(node);

    static string? ReadScalar(PipelineDocument doc, YamlMappingNode root, string key, List<PipelineError> errors)
    {
        if (Child(root, key) is not { } node) return null;
        if (node is YamlScalarNode s) return s.Value;
        errors.Add(new(doc.LocationOf(node), $"'{key}' must be a single value, found a {PipelineDocument.Describe(node)}"));
        return null;
    }

    static int ReadInt(PipelineDocument doc, YamlMappingNode root, string key, int fallback, List<PipelineError> errors)
    {
        if (Child(root, key) is not { } node) return fallback;
        if (node is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0)
            return v;
        errors.Add(new(doc.LocationOf(node), $"'{key}' must be a non-negative integer, found {PipelineDocument.Describe(node)}"));
        return fallback;
    }
}
