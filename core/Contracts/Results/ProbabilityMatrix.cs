namespace LstmFcn.Pipeline;

/// <summary>Row-major n × k class probabilities.</summary>
public sealed class ProbabilityMatrix
{
    public ProbabilityMatrix(float[] values, int rows, ClassLabels classes)
    {
        if (values.Length != rows * classes.Count)
            throw new ArgumentException($"{values.Length} probabilities do not fill {rows} rows × {classes.Count} classes");
        Values = values;
        Rows = rows;
        Classes = classes;
    }

    public float[] Values { get; }
    public int Rows { get; }
    public ClassLabels Classes { get; }
    public ReadOnlySpan<float> Row(int i) => Values.AsSpan(i * Classes.Count, Classes.Count);

    /// <summary>Index of the most probable class of each row (the first on ties).</summary>
    public int[] ArgMax()
    {
        var result = new int[Rows];
        for (int i = 0; i < Rows; i++)
        {
            var row = Row(i);
            int best = 0;
            for (int c = 1; c < row.Length; c++) if (row[c] > row[best]) best = c;
            result[i] = best;
        }
        return result;
    }
}
