namespace LstmFcn.Pipeline;

/// <summary>
/// A plugin that reads raster cubes and can say what a cube holds — tiles, bands, dates, CRS, resolution, missing
/// files or assets — before any pixel is read (<c>lstmfcn cube describe</c>). Only its cube parameters apply: the
/// command binds them like a step's (<see cref="CubeParameterSpecs"/>), checks them, then asks for the description.
/// </summary>
public interface IDescribesCube
{
    /// <summary>The parameters that name and read a cube (cube, source, pattern, scale, stac_* …).</summary>
    IReadOnlyList<ParameterSpec> CubeParameterSpecs { get; }

    /// <summary>Rules between those parameters, as <see cref="IChecksArguments"/> gives them for a step.</summary>
    IEnumerable<OptionProblem> CheckCube(PluginArguments arguments);

    /// <summary>The description, as text for a terminal.</summary>
    string DescribeCube(PluginArguments arguments);
}
