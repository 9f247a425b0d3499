using System.Globalization;

namespace LstmFcn.Pipeline;

/// <summary>Validated parameter values of one step, defaults filled in, paths made absolute.</summary>
public sealed class PluginArguments
{
    readonly IReadOnlyDictionary<string, object?> _values;

    public PluginArguments(string stepName, IReadOnlyDictionary<string, object?> values)
    {
        StepName = stepName;
        _values = values;
    }

    /// <summary>Where these arguments come from, for error messages ("model (lstm-fcn)").</summary>
    public string StepName { get; }
    public IReadOnlyDictionary<string, object?> Values => _values;

    public bool IsSet(string name) => _values.TryGetValue(name, out var v) && v is not null;

    public int GetInt(string name) => checked((int)Convert.ToInt64(Get(name), CultureInfo.InvariantCulture));
    public long GetLong(string name) => Convert.ToInt64(Get(name), CultureInfo.InvariantCulture);
    public double GetDouble(string name) => Convert.ToDouble(Get(name), CultureInfo.InvariantCulture);
    public bool GetBool(string name) => (bool)Get(name)!;
    public string GetString(string name) => (string)Get(name)!;
    public string? GetOptionalString(string name) => _values.TryGetValue(name, out var v) ? v as string : null;
    public IReadOnlyList<long> GetIntList(string name) => (IReadOnlyList<long>)Get(name)!;
    public IReadOnlyList<double> GetNumberList(string name) => (IReadOnlyList<double>)Get(name)!;
    public IReadOnlyList<string> GetStringList(string name) => (IReadOnlyList<string>)Get(name)!;

    object? Get(string name)
    {
        if (!_values.TryGetValue(name, out var v))
            throw new KeyNotFoundException($"{StepName}: parameter '{name}' is not declared by the plugin");
        if (v is null) throw new InvalidOperationException($"{StepName}: parameter '{name}' has no value");
        return v;
    }

    public static PluginArguments Empty(string stepName) => new(stepName, new Dictionary<string, object?>());
}
