namespace LstmFcn.Accuracy;

/// <summary>
/// The area-weighted accuracy and area estimates of a stratified random sample (strata = map classes), as in
/// Olofsson et al. (2014): the error matrix in proportions of area, overall, user's and producer's accuracy, and
/// every class's area, each with its standard error and 95 % interval.
/// </summary>
/// <param name="Proportions">p̂_ij: the estimated share of the total area mapped i with reference class j.</param>
/// <param name="MappedAreas">Area of every map class (the strata), in the map's units.</param>
/// <param name="AreaProportions">p̂_.j: the estimated share of the area whose reference class is j.</param>
/// <param name="Areas">Â_j = A · p̂_.j, in the units of <paramref name="MappedAreas"/>.</param>
public sealed record AreaWeightedAssessment(
    IReadOnlyList<string> Classes,
    ErrorMatrix Sample,
    double[,] Proportions,
    IReadOnlyList<double> MappedAreas,
    double TotalArea,
    Estimate Overall,
    IReadOnlyList<Estimate> Users,
    IReadOnlyList<Estimate> Producers,
    IReadOnlyList<Estimate> AreaProportions,
    IReadOnlyList<Estimate> Areas)
{
    /// <summary>W_i: the share of the total area mapped as class i.</summary>
    public double Weight(int map) => MappedAreas[map] / TotalArea;
}
