namespace LstmFcn.Pipeline;

/// <summary>
/// A plugin that reads raster cubes, seen through its cube parameters only (cube, source, pattern, scale, stac_* …),
/// for the <c>lstmfcn cube</c> commands: they bind those parameters like a step's, check them, then ask for the work.
/// </summary>
public interface ICubeReader
{
    /// <summary>The parameters that name and read a cube.</summary>
    IReadOnlyList<ParameterSpec> CubeParameterSpecs { get; }

    /// <summary>Rules between those parameters, as <see cref="IChecksArguments"/> gives them for a step.</summary>
    IEnumerable<OptionProblem> CheckCube(PluginArguments arguments);
}
