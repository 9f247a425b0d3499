namespace LstmFcn.Accuracy;

/// <summary>An estimate with its standard error and the half-width of its 95 % confidence interval (± 1.96 SE).</summary>
public readonly record struct Estimate(double Value, double StandardError)
{
    /// <summary>The normal quantile of a two-sided 95 % interval, as Olofsson et al. (2014) use it.</summary>
    public const double Z95 = 1.96;

    public double HalfWidth => Z95 * StandardError;
    public double Lower => Value - HalfWidth;
    public double Upper => Value + HalfWidth;

    public Estimate Times(double factor) => new(Value * factor, StandardError * factor);
}
