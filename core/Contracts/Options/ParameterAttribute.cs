namespace LstmFcn.Pipeline;

/// <summary>
/// Marks a property of a <see cref="PluginOptions"/> record as a pipeline parameter. The property's name in
/// snake_case is the parameter's name (<c>LearningRate</c> → <c>learning_rate</c>) unless <see cref="Name"/> says
/// otherwise; its initial value is the default; its type gives the parameter type (see <see cref="OptionsSchema{T}"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ParameterAttribute : Attribute
{
    public ParameterAttribute(string description) => Description = description;

    public string Description { get; }

    /// <summary>The name pipelines use, when the snake_case of the property's name is not it.</summary>
    public string? Name { get; init; }

    /// <summary>Smallest accepted value of a number (or of every item of a list of numbers); NaN = none.</summary>
    public double Min { get; init; } = double.NaN;

    /// <summary>Largest accepted value of a number (or of every item of a list of numbers); NaN = none.</summary>
    public double Max { get; init; } = double.NaN;

    /// <summary>The pipeline must give a value (there is no sensible default).</summary>
    public bool Required { get; init; }

    /// <summary>For a string: it is a path (relative to the pipeline file), and what must exist there.</summary>
    public PathKind Path { get; init; } = PathKind.None;
}
