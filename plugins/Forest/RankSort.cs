namespace LstmFcn.Plugins.Forest;

/// <summary>
/// Sorts packed keys <c>(rank &lt;&lt; 32) | sample</c> by rank: a stable least-significant-digit radix sort on the
/// rank's bytes (one pass for up to 256 distinct ranks, two up to 65 536; passes where every key has the same digit are
/// skipped), insertion sort for a few keys. Split search spends most of its time here.
/// </summary>
public static class RankSort
{
    const int Small = 32;

    /// <param name="scratch">At least as long as <paramref name="keys"/>.</param>
    /// <param name="histogram">256 counters.</param>
    /// <param name="maxRank">The largest rank among the keys.</param>
    public static void Sort(Span<ulong> keys, Span<ulong> scratch, Span<int> histogram, int maxRank)
    {
        int m = keys.Length;
        if (m <= Small)
        {
            InsertionSort(keys);
            return;
        }
        bool inScratch = false;
        for (int shift = 32; shift < 64 && (maxRank >> (shift - 32)) != 0; shift += 8)
        {
            Span<ulong> from = inScratch ? scratch[..m] : keys, to = inScratch ? keys : scratch[..m];
            histogram.Clear();
            for (int i = 0; i < from.Length; i++) histogram[(int)(from[i] >> shift) & 0xFF]++;
            if (histogram[(int)(from[0] >> shift) & 0xFF] == m) continue;
            int sum = 0;
            for (int d = 0; d < 256; d++)
            {
                int c = histogram[d];
                histogram[d] = sum;
                sum += c;
            }
            for (int i = 0; i < from.Length; i++)
            {
                ulong key = from[i];
                to[histogram[(int)(key >> shift) & 0xFF]++] = key;
            }
            inScratch = !inScratch;
        }
        if (inScratch) scratch[..m].CopyTo(keys);
    }

    static void InsertionSort(Span<ulong> keys)
    {
        for (int i = 1; i < keys.Length; i++)
        {
            ulong key = keys[i];
            int j = i - 1;
            while (j >= 0 && keys[j] > key)
            {
                keys[j + 1] = keys[j];
                j--;
            }
            keys[j + 1] = key;
        }
    }
}
