namespace LstmFcn.Pipeline.Comparison;

/// <summary>
/// The Friedman test of k models over N datasets and the Iman–Davenport F form of it, as Demšar (2006, section
/// 3.2.2) prints them; the p-values say whether the mean ranks differ at all, which the Nemenyi critical difference
/// presupposes.
/// </summary>
public sealed record FriedmanResult(int Models, int Datasets, double ChiSquare, double ChiSquarePValue,
    double ImanDavenportF, double ImanDavenportPValue)
{
    public int ChiSquareDegreesOfFreedom => Models - 1;
    public int NumeratorDegreesOfFreedom => Models - 1;
    public int DenominatorDegreesOfFreedom => (Models - 1) * (Datasets - 1);
}
