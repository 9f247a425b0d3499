namespace LstmFcn.Rocket;

/// <summary>
/// Multinomial logistic regression on standardised features, trained by mini-batch Adam: the classifier the ROCKET
/// authors recommend once there are too many training examples for ridge-CV's n × n decomposition. Deterministic for
/// a random stream (batch order); batches are split over threads by example, the gradient summed in a fixed order.
/// </summary>
public static class LogisticRegression
{
    public sealed record Settings(int Epochs, int BatchSize, double LearningRate);

    public static LinearModel Fit(float[] x, int rows, int features, int[] labels, int classes, Settings settings, Random random,
        int threads, CancellationToken cancellation = default)
    {
        var scaling = FeatureScaling.Of(x, rows, features, unitNorm: false);
        var z = scaling.Apply(x, rows, features);
        var w = new double[classes][];
        var mw = new double[classes][];
        var vw = new double[classes][];
        for (int k = 0; k < classes; k++) (w[k], mw[k], vw[k]) = (new double[features], new double[features], new double[features]);
        var b = new double[classes];
        var mb = new double[classes];
        var vb = new double[classes];
        var order = Enumerable.Range(0, rows).ToArray();
        const double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
        long step = 0;
        var weightsF = new float[classes][];
        for (int k = 0; k < classes; k++) weightsF[k] = new float[features];
        var gradient = new double[classes][];
        for (int k = 0; k < classes; k++) gradient[k] = new double[features];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellation };

        for (int epoch = 0; epoch < settings.Epochs; epoch++)
        {
            random.Shuffle(order);
            for (int start = 0; start < rows; start += settings.BatchSize)
            {
                int end = Math.Min(rows, start + settings.BatchSize), size = end - start;
                for (int k = 0; k < classes; k++) for (int j = 0; j < features; j++) weightsF[k][j] = (float)w[k][j];
                // Residuals p − y for the batch (rows independent: parallel), then the gradient by class (parallel).
                var residual = new double[size * classes];
                Parallel.For(0, size, parallel, r =>
                {
                    var zi = z.AsSpan(order[start + r] * features, features);
                    Span<double> s = stackalloc double[classes];
                    double max = double.NegativeInfinity;
                    for (int k = 0; k < classes; k++) max = Math.Max(max, s[k] = b[k] + Spans.Dot(weightsF[k], zi));
                    double sum = 0;
                    for (int k = 0; k < classes; k++) sum += s[k] = Math.Exp(s[k] - max);
                    for (int k = 0; k < classes; k++)
                        residual[r * classes + k] = s[k] / sum - (labels[order[start + r]] == k ? 1 : 0);
                });
                Parallel.For(0, classes, parallel, k =>
                {
                    var g = gradient[k];
                    Array.Clear(g);
                    for (int r = 0; r < size; r++)
                    {
                        double e = residual[r * classes + k] / size;
                        var zi = z.AsSpan(order[start + r] * features, features);
                        for (int j = 0; j < features; j++) g[j] += e * zi[j];
                    }
                });
                step++;
                double c1 = 1 - Math.Pow(beta1, step), c2 = 1 - Math.Pow(beta2, step), lr = settings.LearningRate;
                for (int k = 0; k < classes; k++)
                {
                    double gb = 0;
                    for (int r = 0; r < size; r++) gb += residual[r * classes + k] / size;
                    mb[k] = beta1 * mb[k] + (1 - beta1) * gb;
                    vb[k] = beta2 * vb[k] + (1 - beta2) * gb * gb;
                    b[k] -= lr * (mb[k] / c1) / (Math.Sqrt(vb[k] / c2) + epsilon);
                    var (wk, mk, vk, g) = (w[k], mw[k], vw[k], gradient[k]);
                    for (int j = 0; j < features; j++)
                    {
                        mk[j] = beta1 * mk[j] + (1 - beta1) * g[j];
                        vk[j] = beta2 * vk[j] + (1 - beta2) * g[j] * g[j];
                        wk[j] -= lr * (mk[j] / c1) / (Math.Sqrt(vk[j] / c2) + epsilon);
                    }
                }
            }
        }
        return scaling.Unscale(w, b);
    }
}
