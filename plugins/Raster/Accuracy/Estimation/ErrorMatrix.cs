namespace LstmFcn.Accuracy;

/// <summary>
/// The sample's error matrix: how many validation points of map class i (row) have reference class j (column),
/// n_ij in Olofsson et al. (2014). Rows are the strata of a stratified random sample whose strata are the map classes.
/// </summary>
public sealed class ErrorMatrix
{
    readonly long[,] _counts;

    public ErrorMatrix(IReadOnlyList<string> classes, long[,] counts)
    {
        if (classes.Count == 0) throw new ArgumentException("an error matrix needs at least one class", nameof(classes));
        if (counts.GetLength(0) != classes.Count || counts.GetLength(1) != classes.Count)
            throw new ArgumentException($"counts are {counts.GetLength(0)} × {counts.GetLength(1)}, expected {classes.Count} × {classes.Count} (one row and column per class)", nameof(counts));
        foreach (var c in counts)
            if (c < 0) throw new ArgumentException("counts must not be negative", nameof(counts));
        Classes = classes;
        _counts = (long[,])counts.Clone();
    }

    public IReadOnlyList<string> Classes { get; }
    public int Count => Classes.Count;

    /// <summary>Points mapped as <paramref name="map"/> whose reference label is <paramref name="reference"/>.</summary>
    public long this[int map, int reference] => _counts[map, reference];

    /// <summary>n_i.: the points of stratum (map class) <paramref name="map"/>.</summary>
    public long MapTotal(int map)
    {
        long n = 0;
        for (int j = 0; j < Count; j++) n += _counts[map, j];
        return n;
    }

    /// <summary>n_.j: the points whose reference class is <paramref name="reference"/>.</summary>
    public long ReferenceTotal(int reference)
    {
        long n = 0;
        for (int i = 0; i < Count; i++) n += _counts[i, reference];
        return n;
    }

    public long Total
    {
        get
        {
            long n = 0;
            foreach (var c in _counts) n += c;
            return n;
        }
    }

    /// <summary>Counts (map class index, reference class index) pairs.</summary>
    public static ErrorMatrix FromPairs(IReadOnlyList<string> classes, IEnumerable<(int Map, int Reference)> pairs)
    {
        var counts = new long[classes.Count, classes.Count];
        foreach (var (map, reference) in pairs) counts[map, reference]++;
        return new ErrorMatrix(classes, counts);
    }
}
