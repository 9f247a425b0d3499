using System.Globalization;
using YamlDotNet.RepresentationModel;

using LstmFcn.Pipeline.Engine.Naming;

namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>
/// Turns a step's <c>with:</c> mapping into typed <see cref="PluginArguments"/> according to the plugin's declared
/// parameters: unknown names, wrong types, out-of-range values and missing required values are errors.
/// </summary>
public static class ArgumentBinder
{
    /// <param name="fillDefaults">false: bind only the values given (overrides to lay over saved arguments), no defaults, no required check.</param>
    public static PluginArguments Bind(PipelineDocument doc, StepDefinition step, IPlugin plugin, List<PipelineError> errors, bool fillDefaults = true)
    {
        var specs = plugin.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var given = new HashSet<string>(StringComparer.Ordinal);
        var stepName = $"{step.Section} ({plugin.Name})";

        foreach (var (keyNode, valueNode) in step.With.Children)
        {
            var key = PipelineReader.Scalar(keyNode);
            if (!specs.TryGetValue(key, out var spec))
            {
                var hint = specs.Count == 0 ? "it takes no parameters" : NameSuggestions.Hint(key, specs.Keys);
                errors.Add(new(doc.LocationOf(keyNode), $"{stepName}: unknown parameter '{key}'; {hint}"));
                continue;
            }
            given.Add(key);
            if (TryConvert(doc, spec, valueNode, out var value, out var problem))
                values[key] = value;
            else
                errors.Add(new(doc.LocationOf(valueNode), $"{stepName}: parameter '{key}' {problem}"));
        }

        foreach (var spec in plugin.Parameters)
        {
            // A value given but invalid has been reported already: it is not also "missing".
            if (given.Contains(spec.Name) || !fillDefaults) continue;
            if (spec.Required)
                errors.Add(new(step.Location, $"{stepName}: missing required parameter '{spec.Name}' ({spec.TypeName}: {spec.Description})"));
            else
                values[spec.Name] = spec.Default;
        }
        return new PluginArguments(stepName, values);
    }

    static bool TryConvert(PipelineDocument doc, ParameterSpec spec, YamlNode node, out object? value, out string problem)
    {
        value = null;
        problem = "";
        switch (spec.Type)
        {
            case ParameterType.IntegerList:
            case ParameterType.NumberList:
            case ParameterType.StringList:
            {
                var items = node is YamlSequenceNode seq ? seq.Children.ToList() : new List<YamlNode> { node };
                var elementSpec = spec with
                {
                    Type = spec.Type switch
                    {
                        ParameterType.IntegerList => ParameterType.Integer,
                        ParameterType.NumberList => ParameterType.Number,
                        _ => ParameterType.String
                    }
                };
                var list = new List<object?>();
                foreach (var item in items)
                {
                    if (!TryConvert(doc, elementSpec, item, out var v, out var p)) { problem = "item " + p; return false; }
                    list.Add(v);
                }
                value = spec.Type switch
                {
                    ParameterType.IntegerList => list.Cast<long>().ToList(),
                    ParameterType.NumberList => list.Cast<double>().ToList(),
                    _ => (object)list.Cast<string>().ToList()
                };
                return true;
            }
        }

        if (node is not YamlScalarNode scalar)
        {
            problem = $"must be {Article(spec.TypeName)}, found a {PipelineDocument.Describe(node)}";
            return false;
        }
        var text = scalar.Value ?? "";
        switch (spec.Type)
        {
            case ParameterType.Integer:
                if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
                {
                    problem = $"must be an integer, found '{text}'";
                    return false;
                }
                value = l;
                return InRange(spec, l, out problem);
            case ParameterType.Number:
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
                {
                    problem = $"must be a finite number, found '{text}'";
                    return false;
                }
                value = d;
                return InRange(spec, d, out problem);
            case ParameterType.Boolean:
                if (text is "true" or "True" or "yes") { value = true; return true; }
                if (text is "false" or "False" or "no") { value = false; return true; }
                problem = $"must be true or false, found '{text}'";
                return false;
            case ParameterType.Path:
                if (text.Length == 0) { problem = "must be a path, found nothing"; return false; }
                value = PathValues.Resolve(doc.Directory, text);
                return PathValues.Exists(spec.PathKind, (string)value, out problem);
            default:
                if (spec.PathKind == PathKind.RunOutput && !PathValues.IsInsideRun(text))
                {
                    problem = $"must name a file or folder inside the run directory, found '{text}'";
                    return false;
                }
                if (spec.AllowedValues is { Count: > 0 } allowed && !allowed.Contains(text))
                {
                    problem = $"must be one of {string.Join(", ", allowed)}; found '{text}'" +
                              (NameSuggestions.Closest(text, allowed) is { Count: > 0 } c ? $" (did you mean '{c[0]}'?)" : "");
                    return false;
                }
                value = text;
                return true;
        }
    }

    static bool InRange(ParameterSpec spec, double v, out string problem)
    {
        problem = "";
        if ((spec.Minimum is { } lo && v < lo) || (spec.Maximum is { } hi && v > hi))
        {
            problem = $"must be {spec.RangeText}, found {v.ToString(CultureInfo.InvariantCulture)}";
            return false;
        }
        return true;
    }

    static string Article(string typeName) => typeName.StartsWith("one of", StringComparison.Ordinal) ? typeName
        : ("aeiou".Contains(typeName[0]) ? "an " : "a ") + typeName;
}
