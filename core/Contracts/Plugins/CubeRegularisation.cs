namespace LstmFcn.Pipeline;

/// <summary>
/// What <c>cube regularize</c> asks for: intervals of <paramref name="PeriodDays"/> from <paramref name="Origin"/>
/// (yyyy-MM-dd; null: the first date), composited by <paramref name="Method"/> (first-valid, median, least-cloudy)
/// after <paramref name="MaskBand"/>'s <paramref name="MaskClasses"/> are made nodata, written as
/// PREFIX_BAND_yyyy-MM-dd.tif into <paramref name="OutputFolder"/>.
/// </summary>
public sealed record CubeRegularisation(int PeriodDays, string? Origin, string Method, string? MaskBand, IReadOnlyList<int> MaskClasses,
    string OutputFolder, string Prefix);
