namespace LstmFcn.Pipeline;

/// <summary>
/// A map verb of a pipeline's <c>map:</c> stage, in sits' order: classify (a cube's pixels → class probabilities),
/// smooth, label (→ class map), uncertainty. Each declares the map products it reads and writes, so the engine checks
/// the order and inputs of the stage before anything runs; it then works in the run's map folder, where the earlier
/// verbs left their products (and a manifest naming them).
/// </summary>
public interface IMapPlugin : IPlugin
{
    /// <summary>The products this step needs from earlier steps (see <see cref="MapProducts"/>), given its arguments.</summary>
    IReadOnlyList<string> Reads(PluginArguments args);

    /// <summary>The products this step writes.</summary>
    IReadOnlyList<string> Writes(PluginArguments args);

    void Run(MapStageInput input, PluginArguments args, RunContext context);
}
