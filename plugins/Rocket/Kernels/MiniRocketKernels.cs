using LstmFcn.Pipeline;

namespace LstmFcn.Rocket;

/// <summary>
/// MiniRocket's fixed kernel set: length 9, six weights −1 and three weights 2, one kernel per placement of the three
/// 2s (C(9,3) = 84), in lexicographic order of the placements. Because the weights sum to zero and
/// w·x = −Σx + 3·(x_a + x_b + x_c), a kernel is computed with additions only.
/// </summary>
public static class MiniRocketKernels
{
    public const int Length = 9;
    public const int Count = 84;

    /// <summary>The positions of the three 2s of each kernel.</summary>
    public static IReadOnlyList<(int A, int B, int C)> Placements { get; } = Enumerate();

    /// <summary>The nine weights of kernel <paramref name="index"/>.</summary>
    public static float[] Weights(int index)
    {
        var w = Enumerable.Repeat(-1f, Length).ToArray();
        var (a, b, c) = Placements[index];
        w[a] = w[b] = w[c] = 2f;
        return w;
    }

    static (int, int, int)[] Enumerate()
    {
        var list = new List<(int, int, int)>(Count);
        for (int a = 0; a < Length; a++)
            for (int b = a + 1; b < Length; b++)
                for (int c = b + 1; c < Length; c++) list.Add((a, b, c));
        return list.ToArray();
    }
}
