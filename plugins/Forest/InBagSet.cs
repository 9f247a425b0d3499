namespace LstmFcn.Plugins.Forest;

/// <summary>Which training samples a tree was grown on (one bit each), to score it on the others (out of bag).</summary>
public sealed class InBagSet
{
    readonly ulong[] _bits;

    InBagSet(ulong[] bits) => _bits = bits;

    public static InBagSet From(ReadOnlySpan<int> bootstrapCounts)
    {
        var bits = new ulong[(bootstrapCounts.Length + 63) / 64];
        for (int i = 0; i < bootstrapCounts.Length; i++)
            if (bootstrapCounts[i] > 0) bits[i >> 6] |= 1UL << (i & 63);
        return new InBagSet(bits);
    }

    public bool Contains(int sample) => (_bits[sample >> 6] & (1UL << (sample & 63))) != 0;
}
