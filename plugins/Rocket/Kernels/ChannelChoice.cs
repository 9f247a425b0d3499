using LstmFcn.Pipeline;

namespace LstmFcn.Rocket;

/// <summary>
/// Random channel subsets for multivariate series, as multivariate MiniRocket chooses them: per combination,
/// floor(2^u) channels with u uniform in [0, log2(min(C, 9) + 1)), drawn without replacement, kept in ascending order.
/// A univariate series always uses its one channel (no random draws).
/// </summary>
public static class ChannelChoice
{
    public static int[][] Subsets(int channels, int combinations, Random random)
    {
        var subsets = new int[combinations][];
        if (channels == 1)
        {
            var only = new[] { 0 };
            for (int i = 0; i < combinations; i++) subsets[i] = only;
            return subsets;
        }
        double limit = Math.Log2(Math.Min(channels, 9) + 1);
        var pool = new int[channels];
        for (int i = 0; i < combinations; i++)
        {
            int count = Math.Clamp((int)Math.Pow(2, random.NextDouble() * limit), 1, channels);
            for (int c = 0; c < channels; c++) pool[c] = c;
            for (int c = 0; c < count; c++)
            {
                int j = c + random.Next(channels - c);
                (pool[c], pool[j]) = (pool[j], pool[c]);
            }
            subsets[i] = pool.Take(count).Order().ToArray();
        }
        return subsets;
    }
}
