namespace LstmFcn.Plugins.Neighbours;

/// <summary>
/// Distances between multichannel series (channel-major layout). Both return squared distances and stop early once
/// the running sum exceeds <c>bestSoFar</c> — the nearest-neighbour search only needs to know it lost.
/// </summary>
public static class Distances
{
    public static double SquaredEuclidean(ReadOnlySpan<float> a, ReadOnlySpan<float> b, double bestSoFar)
    {
        double sum = 0;
        const int Block = 64;
        for (int start = 0; start < a.Length; start += Block)
        {
            int end = Math.Min(a.Length, start + Block);
            for (int i = start; i < end; i++)
            {
                double d = a[i] - b[i];
                sum += d * d;
            }
            if (sum >= bestSoFar) return double.PositiveInfinity;
        }
        return sum;
    }

    /// <summary>
    /// Dependent DTW (one warping path for all channels) with a Sakoe-Chiba band of <paramref name="window"/> steps,
    /// widened to at least the length difference so a path always exists. Two rows of work memory.
    /// </summary>
    public static double SquaredDtw(ReadOnlySpan<float> a, int lengthA, ReadOnlySpan<float> b, int lengthB, int channels,
        int window, double bestSoFar, Span<double> rowBuffer)
    {
        int w = Math.Max(window, Math.Abs(lengthA - lengthB));
        var prev = rowBuffer[..(lengthB + 1)];
        var curr = rowBuffer.Slice(lengthB + 1, lengthB + 1);
        prev.Fill(double.PositiveInfinity);
        prev[0] = 0;
        for (int i = 1; i <= lengthA; i++)
        {
            curr.Fill(double.PositiveInfinity);
            int jStart = Math.Max(1, i - w), jEnd = Math.Min(lengthB, i + w);
            double rowMin = double.PositiveInfinity;
            for (int j = jStart; j <= jEnd; j++)
            {
                double cost = 0;
                for (int c = 0; c < channels; c++)
                {
                    double d = a[c * lengthA + i - 1] - b[c * lengthB + j - 1];
                    cost += d * d;
                }
                double best = Math.Min(prev[j - 1], Math.Min(prev[j], curr[j - 1]));
                double v = cost + best;
                curr[j] = v;
                if (v < rowMin) rowMin = v;
            }
            if (rowMin >= bestSoFar) return double.PositiveInfinity;
            var swap = prev; prev = curr; curr = swap;
        }
        return prev[lengthB];
    }
}
