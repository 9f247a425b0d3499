namespace LstmFcn.Pipeline;

/// <summary>
/// Optional capability of a plugin: checks its arguments as a whole, beyond each parameter's type and range. The
/// engine calls it for every step of a pipeline — ensemble members and <c>--set</c> overrides included — before a
/// run directory exists. The options-based plugin bases implement it through <see cref="PluginOptions.Validate"/>.
/// </summary>
public interface IChecksArguments
{
    IEnumerable<OptionProblem> Check(PluginArguments arguments);
}
