namespace LstmFcn.Pipeline;

/// <summary>
/// What every plugin declares. A plugin class needs a public parameterless constructor; the host finds it by scanning
/// the plugin assembly for non-abstract implementations of the kind interfaces below.
/// </summary>
public interface IPlugin
{
    /// <summary>The name pipelines use in <c>plugin:</c>, lower-case with dashes (e.g. <c>ucr</c>, <c>znorm</c>).</summary>
    string Name { get; }
    string Description { get; }
    IReadOnlyList<ParameterSpec> Parameters { get; }
}
