using System.Text.Json;

namespace LstmFcn.Pipeline.Engine.Models;

/// <summary>Rebuilds typed plugin arguments from the JSON a saved model carries.</summary>
public static class SavedArguments
{
    public static PluginArguments Restore(string stepName, IPlugin plugin, IReadOnlyDictionary<string, object?> saved)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var spec in plugin.Parameters)
            values[spec.Name] = saved.TryGetValue(spec.Name, out var v) ? Convert(spec.Type, v) : spec.Default;
        return new PluginArguments(stepName, values);
    }

    static object? Convert(ParameterType type, object? value)
    {
        if (value is not JsonElement e) return value;
        if (e.ValueKind == JsonValueKind.Null) return null;
        return type switch
        {
            ParameterType.Integer => e.GetInt64(),
            ParameterType.Number => e.GetDouble(),
            ParameterType.Boolean => e.GetBoolean(),
            ParameterType.IntegerList => e.EnumerateArray().Select(x => x.GetInt64()).ToList(),
            ParameterType.NumberList => e.EnumerateArray().Select(x => x.GetDouble()).ToList(),
            ParameterType.StringList => e.EnumerateArray().Select(x => x.GetString()!).ToList(),
            _ => e.GetString()
        };
    }
}
