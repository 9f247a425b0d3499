namespace LstmFcn.Pipeline;

/// <summary>Normal draws from a seeded stream.</summary>
public static class NormalDeviates
{
    /// <summary>A standard normal deviate (Box–Muller; one of the pair is enough): two uniform draws, in this order.</summary>
    public static double NextGaussian(this Random random)
    {
        double u1 = 1.0 - random.NextDouble(); // (0, 1]: log stays finite
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
