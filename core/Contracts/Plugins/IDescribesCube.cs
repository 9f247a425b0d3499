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

/// <summary>
/// <c>lstmfcn cube describe</c>: what a cube holds — tiles, bands, dates, CRS, resolution, missing files or assets —
/// before any pixel is read.
/// </summary>
public interface IDescribesCube : ICubeReader
{
    /// <summary>The description, as text for a terminal.</summary>
    string DescribeCube(PluginArguments arguments);
}

/// <summary><c>lstmfcn cube regularize</c>: an irregular cube (masked by its quality band) → a local regular cube.</summary>
public interface IRegularisesCube : ICubeReader
{
    /// <returns>The regular dates written.</returns>
    IReadOnlyList<DateOnly> RegulariseCube(PluginArguments arguments, CubeRegularisation request);
}

/// <summary>
/// What <c>cube regularize</c> asks for: intervals of <paramref name="PeriodDays"/> from <paramref name="Origin"/>
/// (yyyy-MM-dd; null: the first date), composited by <paramref name="Method"/> (first-valid, median, least-cloudy)
/// after <paramref name="MaskBand"/>'s <paramref name="MaskClasses"/> are made nodata, written as
/// PREFIX_BAND_yyyy-MM-dd.tif into <paramref name="OutputFolder"/>.
/// </summary>
public sealed record CubeRegularisation(int PeriodDays, string? Origin, string Method, string? MaskBand, IReadOnlyList<int> MaskClasses,
    string OutputFolder, string Prefix);
