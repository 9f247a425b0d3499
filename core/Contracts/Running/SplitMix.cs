namespace LstmFcn.Pipeline;

/// <summary>
/// The SplitMix64 finaliser (Steele, Lea &amp; Flood 2014): turns seeds, steps and positions into well-mixed
/// random-stream seeds that, unlike string.GetHashCode or HashCode.Combine, are the same in every process.
/// </summary>
public static class SplitMix
{
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
