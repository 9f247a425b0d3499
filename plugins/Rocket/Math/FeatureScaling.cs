namespace LstmFcn.Rocket;

/// <summary>
/// Per-feature centre and scale of a training matrix (n rows × f features, row-major), and the scaled copy. A constant
/// feature keeps scale 1 (it becomes all zeros and the classifier ignores it).
/// </summary>
public sealed class FeatureScaling
{
    public double[] Means { get; }
    public double[] Scales { get; }

    FeatureScaling(double[] means, double[] scales) => (Means, Scales) = (means, scales);

    /// <param name="unitNorm">true: scale each centred column to unit L2 norm (scikit-learn's <c>normalize=True</c>, which
    /// the MiniRocket authors' ridge used); false: to unit standard deviation.</param>
    public static FeatureScaling Of(float[] x, int rows, int features, bool unitNorm)
    {
        var means = new double[features];
        var squares = new double[features];
        for (int i = 0; i < rows; i++)
        {
            var row = x.AsSpan(i * features, features);
            for (int j = 0; j < features; j++) means[j] += row[j];
        }
        for (int j = 0; j < features; j++) means[j] /= Math.Max(1, rows);
        for (int i = 0; i < rows; i++)
        {
            var row = x.AsSpan(i * features, features);
            for (int j = 0; j < features; j++)
            {
                double d = row[j] - means[j];
                squares[j] += d * d;
            }
        }
        var scales = new double[features];
        for (int j = 0; j < features; j++)
        {
            double s = Math.Sqrt(unitNorm ? squares[j] : squares[j] / Math.Max(1, rows));
            scales[j] = s > 1e-12 ? s : 1;
        }
        return new FeatureScaling(means, scales);
    }

    public float[] Apply(float[] x, int rows, int features)
    {
        var z = new float[x.Length];
        var inverse = Scales.Select(s => 1 / s).ToArray();
        for (int i = 0; i < rows; i++)
        {
            int o = i * features;
            for (int j = 0; j < features; j++) z[o + j] = (float)((x[o + j] - Means[j]) * inverse[j]);
        }
        return z;
    }

    /// <summary>A model fitted on scaled features as a model on raw features.</summary>
    public LinearModel Unscale(double[][] weights, double[] intercepts)
    {
        int k = weights.Length, f = Means.Length;
        var raw = new float[k][];
        var b = new double[k];
        for (int c = 0; c < k; c++)
        {
            raw[c] = new float[f];
            double shift = 0;
            for (int j = 0; j < f; j++)
            {
                double w = weights[c][j] / Scales[j];
                raw[c][j] = (float)w;
                shift += w * Means[j];
            }
            b[c] = intercepts[c] - shift;
        }
        return new LinearModel(raw, b);
    }
}
