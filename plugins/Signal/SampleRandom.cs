using LstmFcn.Pipeline.Seeding;

namespace LstmFcn.Plugins.Signal;

/// <summary>
/// Random streams that depend only on the run seed, the step and the sample's position, so random transforms give
/// the same result for a seed whatever the thread count or scheduling.
/// </summary>
public static class SampleRandom
{
    public static Random For(int seed, string stream, int index)
    {
        // SplitMix64 over (seed, stream, index): well-mixed, and unlike string.GetHashCode stable across processes.
        ulong x = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL;
        foreach (char c in stream) x = SplitMix.Mix(x ^ c);
        x = SplitMix.Mix(x ^ (ulong)(uint)index);
        return new Random((int)(SplitMix.Mix(x) & 0x7FFFFFFF));
    }

    /// <summary>A standard normal deviate (Box–Muller).</summary>
    public static double NextGaussian(this Random random)
    {
        double u1 = 1.0 - random.NextDouble(); // (0, 1]: log stays finite
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
