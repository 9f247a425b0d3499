using LstmFcn.Accuracy;

namespace LstmFcn.Plugins.Raster.Accuracy;

/// <summary>
/// Stratified random sampling of a class map with the map classes as strata: each class gets its number of pixels,
/// drawn uniformly without replacement among that class's pixels (two passes over the map; memory grows with the
/// sample, not the map).
/// </summary>
public static class StratifiedSample
{
    /// <summary>How many points each class gets: a fixed count, or Olofsson's n for a target standard error.</summary>
    public static int[] Sizes(IReadOnlyList<long> pixels, int? perClass, double standardError, IReadOnlyList<double> expectedUsers, int minimum)
    {
        int k = pixels.Count;
        int[] sizes;
        if (perClass is { } fixedCount) sizes = Enumerable.Repeat(fixedCount, k).ToArray();
        else
        {
            double total = pixels.Sum();
            var weights = pixels.Select(p => p / total).ToArray();
            var users = expectedUsers.Count == 1 ? Enumerable.Repeat(expectedUsers[0], k).ToArray() : expectedUsers.ToArray();
            sizes = SampleSize.Proportional(weights, SampleSize.Total(weights, users, standardError), minimum);
        }
        // A class cannot give more points than it has pixels.
        for (int c = 0; c < k; c++) sizes[c] = (int)Math.Min(sizes[c], pixels[c]);
        return sizes;
    }

    public static IReadOnlyList<SamplePoint> Draw(ClassMap map, IReadOnlyList<int> sizes, Random random, Func<double, double, (double Lon, double Lat)> toLonLat)
    {
        int k = map.Classes.Count;
        // Floyd's algorithm: sizes[c] distinct ranks among the class's pixels, in raster order.
        var ranks = new long[k][];
        for (int c = 0; c < k; c++)
        {
            long count = map.Pixels[c];
            var chosen = new HashSet<long>();
            for (long j = count - sizes[c]; j < count; j++)
            {
                long t = random.NextInt64(j + 1);
                if (!chosen.Add(t)) chosen.Add(j);
            }
            ranks[c] = chosen.Order().ToArray();
        }
        var seen = new long[k];
        var next = new int[k];
        var points = new List<SamplePoint>(sizes.Sum());
        int w = map.Grid.Width, h = map.Grid.Height;
        const int Rows = 256;
        var buffer = new int[w * Rows];
        var g = map.Grid.GeoTransform;
        for (int y0 = 0; y0 < h; y0 += Rows)
        {
            int rows = Math.Min(Rows, h - y0);
            map.ReadRows(y0, rows, buffer);
            for (int i = 0; i < w * rows; i++)
            {
                int c = buffer[i];
                if (c < 0) continue;
                if (next[c] < ranks[c].Length && ranks[c][next[c]] == seen[c])
                {
                    int col = i % w, row = y0 + i / w;
                    double x = g[0] + (col + 0.5) * g[1] + (row + 0.5) * g[2];
                    double yy = g[3] + (col + 0.5) * g[4] + (row + 0.5) * g[5];
                    var (lon, lat) = toLonLat(x, yy);
                    points.Add(new SamplePoint(points.Count + 1, col, row, x, yy, lon, lat, c));
                    next[c]++;
                }
                seen[c]++;
            }
        }
        return points;
    }
}
