using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Forest;

/// <summary>
/// The random stream of one tree: SplitMix64 (Steele, Lea &amp; Flood 2014), a value type so a tree's grower draws
/// without allocation. Each tree gets its own stream derived from the forest seed and its index, so a forest is the
/// same whatever the number of threads that grow it and whatever order they finish in.
/// </summary>
public struct TreeRandom
{
    ulong _state;

    public TreeRandom(ulong seed) => _state = seed;

    /// <summary>
    /// The stream of tree <paramref name="tree"/> of a forest seeded with <paramref name="seed"/>: seeded by the run's
    /// stream API (<see cref="RandomStreams"/>, purpose "forest-tree"), so a seed means the same in every plugin.
    /// </summary>
    public static TreeRandom ForTree(int seed, int tree) => new((ulong)RandomStreams.Seed(seed, "forest-tree", tree));

    public ulong NextUInt64()
    {
        ulong z = unchecked(_state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, <paramref name="bound"/>) by Lemire's multiply-and-reject (no modulo bias).</summary>
    public int NextInt(int bound)
    {
        uint range = (uint)bound;
        ulong m = (NextUInt64() >> 32) * range;
        if ((uint)m < range)
        {
            uint threshold = (0u - range) % range; // 2^32 mod range
            while ((uint)m < threshold) m = (NextUInt64() >> 32) * range;
        }
        return (int)(m >> 32);
    }
}
