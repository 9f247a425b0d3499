namespace LstmFcn.Samples.HedSynthetic;

/// <summary>Settings of a SYNTHETIC high-energy-density ramp (defaults mimic the Mg20Fe80O run's shape: 349 shots, transition at 185).</summary>
public sealed record SyntheticSpectraOptions
{
    public int Count { get; init; } = 349;
    /// <summary>0-based position of the first phase-1 spectrum.</summary>
    public int Transition { get; init; } = 185;
    public int Points { get; init; } = 4200;
    public double TwoThetaStart { get; init; } = 3.0;
    public double TwoThetaStep { get; init; } = 0.005;
    /// <summary>Gaussian noise deviation relative to the strongest peak's height.</summary>
    public double Noise { get; init; } = 0.02;
    public int Seed { get; init; } = 7;
}
