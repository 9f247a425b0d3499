using System.Globalization;

namespace LstmFcn.Pipeline;

public enum ParameterType { Integer, Number, Boolean, String, Path, IntegerList, NumberList, StringList }

/// <summary>
/// One declared parameter of a plugin. The engine checks pipeline files against these declarations before any work
/// runs, fills defaults, and <c>plugins describe</c> prints them.
/// </summary>
public sealed record ParameterSpec(string Name, ParameterType Type, string Description)
{
    /// <summary>Value used when the pipeline leaves the parameter out; null with <see cref="Required"/> false means "unset".</summary>
    public object? Default { get; init; }
    public bool Required { get; init; }
    public double? Minimum { get; init; }
    public double? Maximum { get; init; }
    /// <summary>For strings: the only accepted values (compared case-sensitively).</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    public static ParameterSpec Int(string name, int @default, string description, int? min = null, int? max = null) =>
        new(name, ParameterType.Integer, description) { Default = (long)@default, Minimum = min, Maximum = max };

    public static ParameterSpec Number(string name, double @default, string description, double? min = null, double? max = null) =>
        new(name, ParameterType.Number, description) { Default = @default, Minimum = min, Maximum = max };

    public static ParameterSpec Bool(string name, bool @default, string description) =>
        new(name, ParameterType.Boolean, description) { Default = @default };

    public static ParameterSpec Text(string name, string? @default, string description) =>
        new(name, ParameterType.String, description) { Default = @default };

    public static ParameterSpec Choice(string name, string @default, string description, params string[] allowed) =>
        new(name, ParameterType.String, description) { Default = @default, AllowedValues = allowed };

    public static ParameterSpec RequiredPath(string name, string description) =>
        new(name, ParameterType.Path, description) { Required = true };

    public static ParameterSpec OptionalPath(string name, string description) =>
        new(name, ParameterType.Path, description);

    public string TypeName => Type switch
    {
        ParameterType.Integer => "integer",
        ParameterType.Number => "number",
        ParameterType.Boolean => "boolean",
        ParameterType.String => AllowedValues is { Count: > 0 } ? "one of " + string.Join("|", AllowedValues) : "string",
        ParameterType.Path => "path",
        ParameterType.IntegerList => "list of integers",
        ParameterType.NumberList => "list of numbers",
        ParameterType.StringList => "list of strings",
        _ => Type.ToString()
    };

    public string RangeText => (Minimum, Maximum) switch
    {
        (null, null) => "",
        ({ } lo, null) => $">= {Format(lo)}",
        (null, { } hi) => $"<= {Format(hi)}",
        ({ } lo, { } hi) => $"{Format(lo)} .. {Format(hi)}",
    };

    static string Format(double v) => v.ToString("G", CultureInfo.InvariantCulture);
}

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
