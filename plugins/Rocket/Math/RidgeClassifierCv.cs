namespace LstmFcn.Rocket;

/// <summary>
/// One-vs-rest ridge regression on ±1 targets with an unpenalised intercept, alpha chosen by exact leave-one-out error
/// (as scikit-learn's RidgeClassifierCV). Features are centred and scaled to unit column norm first. One symmetric
/// eigendecomposition serves every alpha: of the Gram matrix Z Zᵀ when there are no more examples than features (the
/// dual form, MiniRocket's usual case), else of Zᵀ Z (the primal form). With H the hat matrix, the leave-one-out residual
/// is (y_i − ŷ_i) / (1 − H_ii) and H = 11ᵀ/n + Σ_j q_j q_jᵀ λ_j / (λ_j + α).
/// </summary>
public static class RidgeClassifierCv
{
    /// <summary>logspace(−3, 3, 10), the papers' grid.</summary>
    public static double[] DefaultAlphas(int count = 10, double low = -3, double high = 3) =>
        Enumerable.Range(0, count).Select(i => Math.Pow(10, count == 1 ? low : low + (high - low) * i / (count - 1))).ToArray();

    public static RidgeFit Fit(float[] x, int rows, int features, int[] labels, int classes, double[] alphas, int threads,
        CancellationToken cancellation = default)
    {
        if (rows < 2) throw new InvalidDataException("ridge: needs at least two training examples");
        var scaling = FeatureScaling.Of(x, rows, features, unitNorm: true);
        var z = scaling.Apply(x, rows, features);
        var (yc, mean) = Targets(labels, rows, classes);
        bool dual = rows <= features;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellation };

        // Q: rows × m projections of the examples on the eigenvectors; the scaled eigen-weights per alpha follow.
        double[] lambda;
        double[][] q;        // q[i][j]: example i's coordinate on eigenvector j (dual: Q_ij; primal: (Z V)_ij)
        double[][]? vectors = null; // primal: eigenvectors in feature space, to form the weights
        if (dual)
        {
            var gram = new double[rows][];
            for (int i = 0; i < rows; i++) gram[i] = new double[rows];
            Parallel.For(0, rows, parallel, i =>
            {
                var zi = z.AsSpan(i * features, features);
                for (int j = 0; j <= i; j++) gram[i][j] = Spans.Dot(zi, z.AsSpan(j * features, features));
            });
            for (int i = 0; i < rows; i++) for (int j = 0; j < i; j++) gram[j][i] = gram[i][j];
            var eigen = SymmetricEigen.Of(gram);
            lambda = eigen.Values;
            q = new double[rows][];
            for (int i = 0; i < rows; i++)
            {
                q[i] = new double[lambda.Length];
                for (int j = 0; j < lambda.Length; j++) q[i][j] = eigen.Vectors[j][i];
            }
        }
        else
        {
            var zt = new float[features * rows];
            for (int i = 0; i < rows; i++) for (int a = 0; a < features; a++) zt[a * rows + i] = z[i * features + a];
            var cov = new double[features][];
            for (int a = 0; a < features; a++) cov[a] = new double[features];
            Parallel.For(0, features, parallel, a =>
            {
                var za = zt.AsSpan(a * rows, rows);
                for (int b = 0; b <= a; b++) cov[a][b] = Spans.Dot(za, zt.AsSpan(b * rows, rows));
            });
            for (int a = 0; a < features; a++) for (int b = 0; b < a; b++) cov[b][a] = cov[a][b];
            var eigen = SymmetricEigen.Of(cov);
            lambda = eigen.Values;
            vectors = eigen.Vectors;
            q = new double[rows][];
            Parallel.For(0, rows, parallel, i =>
            {
                q[i] = new double[lambda.Length];
                var zi = z.AsSpan(i * features, features);
                for (int j = 0; j < lambda.Length; j++)
                {
                    double s = 0;
                    var v = vectors[j];
                    for (int a = 0; a < features; a++) s += zi[a] * v[a];
                    q[i][j] = s;
                }
            });
        }
        for (int j = 0; j < lambda.Length; j++) lambda[j] = Math.Max(0, lambda[j]);

        int m = lambda.Length;
        var qty = new double[m][]; // Qᵀ Yc
        for (int j = 0; j < m; j++)
        {
            qty[j] = new double[classes];
            for (int i = 0; i < rows; i++)
                for (int k = 0; k < classes; k++) qty[j][k] += q[i][j] * yc[i][k];
        }

        // Dual: H = Q diag(λ/(λ+α)) Qᵀ; primal: H = P diag(1/(λ+α)) Pᵀ with P = Z V.
        double Shrink(int j, double alpha) => dual ? lambda[j] / (lambda[j] + alpha) : 1 / (lambda[j] + alpha);

        // The leave-one-out residual of example i is y_i minus its leave-one-out decision value.
        var errors = new double[alphas.Length];
        for (int a = 0; a < alphas.Length; a++)
        {
            double alpha = alphas[a], total = 0;
            var loo = LeaveOneOutScores(q, qty, yc, mean, m, rows, classes, j => Shrink(j, alpha));
            for (int i = 0; i < rows; i++)
                for (int k = 0; k < classes; k++)
                {
                    double r = yc[i][k] + mean[k] - loo[i * classes + k];
                    total += r * r;
                }
            errors[a] = total / (rows * classes);
        }
        int best = 0;
        for (int a = 1; a < alphas.Length; a++) if (errors[a] < errors[best]) best = a;
        double chosen = alphas[best];
        double temperature = SoftmaxTemperature.Fit(LeaveOneOutScores(q, qty, yc, mean, m, rows, classes, j => Shrink(j, chosen)), labels, classes);

        // Weights on scaled features: dual w = Zᵀ Q diag(1/(λ+α)) Qᵀ Yc; primal w = V diag(1/(λ+α)) Pᵀ Yc.
        var weights = new double[classes][];
        for (int k = 0; k < classes; k++) weights[k] = new double[features];
        if (dual)
        {
            var c = new double[rows][];
            for (int i = 0; i < rows; i++)
            {
                c[i] = new double[classes];
                for (int j = 0; j < m; j++)
                {
                    double s = q[i][j] / (lambda[j] + chosen);
                    for (int k = 0; k < classes; k++) c[i][k] += s * qty[j][k];
                }
            }
            Parallel.For(0, classes, parallel, k =>
            {
                var w = weights[k];
                for (int i = 0; i < rows; i++)
                {
                    double ci = c[i][k];
                    var zi = z.AsSpan(i * features, features);
                    for (int a = 0; a < features; a++) w[a] += ci * zi[a];
                }
            });
        }
        else
        {
            for (int j = 0; j < m; j++)
            {
                var v = vectors![j];
                for (int k = 0; k < classes; k++)
                {
                    double s = qty[j][k] / (lambda[j] + chosen);
                    var w = weights[k];
                    for (int a = 0; a < features; a++) w[a] += s * v[a];
                }
            }
        }
        return new RidgeFit(scaling.Unscale(weights, mean).WithTemperature(temperature), chosen, alphas, errors, dual);
    }

    /// <summary>Each training example's decision values from the ridge fitted without it (rows × classes).</summary>
    static double[] LeaveOneOutScores(double[][] q, double[][] qty, double[][] yc, double[] mean, int m, int rows, int classes, Func<int, double> shrink)
    {
        var scores = new double[rows * classes];
        var s = Enumerable.Range(0, m).Select(shrink).ToArray();
        var fitted = new double[classes];
        for (int i = 0; i < rows; i++)
        {
            double h = 1.0 / rows;
            Array.Clear(fitted);
            for (int j = 0; j < m; j++)
            {
                double qs = q[i][j] * s[j];
                h += qs * q[i][j];
                for (int k = 0; k < classes; k++) fitted[k] += qs * qty[j][k];
            }
            double denominator = Math.Abs(1 - h) < 1e-12 ? 1e-12 : 1 - h;
            for (int k = 0; k < classes; k++)
                scores[i * classes + k] = yc[i][k] - (yc[i][k] - fitted[k]) / denominator + mean[k];
        }
        return scores;
    }

    /// <summary>±1 one-vs-rest targets, centred; and their means (the intercepts on centred features).</summary>
    static (double[][] Centred, double[] Mean) Targets(int[] labels, int rows, int classes)
    {
        var mean = new double[classes];
        var y = new double[rows][];
        for (int i = 0; i < rows; i++)
        {
            y[i] = new double[classes];
            for (int k = 0; k < classes; k++) y[i][k] = labels[i] == k ? 1 : -1;
            for (int k = 0; k < classes; k++) mean[k] += y[i][k] / rows;
        }
        foreach (var row in y) for (int k = 0; k < classes; k++) row[k] -= mean[k];
        return (y, mean);
    }
}
