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
}
