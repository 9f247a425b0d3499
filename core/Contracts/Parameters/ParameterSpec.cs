using System.Globalization;

namespace LstmFcn.Pipeline;

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
    /// <summary>For paths: what must exist there when the pipeline is validated (URLs are not checked).</summary>
    public PathKind PathKind { get; init; }

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
        new(name, ParameterType.Path, description) { Required = true, PathKind = PathKind.Any };

    public static ParameterSpec OptionalPath(string name, string description) =>
        new(name, ParameterType.Path, description) { PathKind = PathKind.Any };

    public string TypeName => Type switch
    {
        ParameterType.Integer => "integer",
        ParameterType.Number => "number",
        ParameterType.Boolean => "boolean",
        ParameterType.String => AllowedValues is { Count: > 0 } ? "one of " + string.Join("|", AllowedValues) : "string",
        ParameterType.Path => PathKind switch
        {
            PathKind.ExistingFile => "path of an existing file",
            PathKind.ExistingFolder => "path of an existing folder",
            PathKind.Existing => "path of an existing file or folder",
            PathKind.RunOutput => "name inside the run directory",
            _ => "path",
        },
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
