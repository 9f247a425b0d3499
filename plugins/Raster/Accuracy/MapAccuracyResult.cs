using LstmFcn.Accuracy;

namespace LstmFcn.Plugins.Raster.Accuracy;

/// <summary>The assessment of a class map by validation points: what was used and both kinds of estimate.</summary>
public sealed record MapAccuracyResult(
    string ClassMap,
    string Points,
    int PointsRead,
    int PointsOnNoData,
    IReadOnlyList<long> MappedPixels,
    AreaUnit Unit,
    double AreaPerPixel,
    ErrorMatrix Sample,
    SampleAccuracy Unweighted,
    AreaWeightedAssessment? Weighted,
    IReadOnlyList<string> Unsampled)
{
    /// <summary>Why there are no area-weighted estimates (null when there are).</summary>
    public string? WhyNoAreaEstimates => Weighted is null
        ? $"mapped classes without a validation point in their stratum: {string.Join(", ", Unsampled)}; the area-weighted estimates need points in every mapped class"
        : null;
}
