namespace LstmFcn.Pipeline;

/// <summary>
/// The one way a random stream is derived from a run's seed: SplitMix64 over (seed, purpose, keys…), so a stream
/// depends only on what it is for and where (a sample's position, an epoch, a tree), never on thread count, scheduling
/// or process (string.GetHashCode and HashCode.Combine are seeded per process). Plugins use
/// <see cref="RunContext.RandomFor"/>; the same seed means the same thing in every plugin.
/// </summary>
public static class RandomStreams
{
    /// <summary>A non-negative 32-bit seed for the stream (<paramref name="purpose"/>, <paramref name="keys"/>) of <paramref name="seed"/>.</summary>
    public static int Seed(int seed, string purpose, params ReadOnlySpan<long> keys)
    {
        ulong x = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL;
        foreach (char c in purpose) x = SplitMix.Mix(x ^ c);
        foreach (long key in keys) x = SplitMix.Mix(x ^ (ulong)key);
        return (int)(SplitMix.Mix(x) & 0x7FFFFFFF);
    }

    public static Random For(int seed, string purpose, params ReadOnlySpan<long> keys) => new(Seed(seed, purpose, keys));
}
