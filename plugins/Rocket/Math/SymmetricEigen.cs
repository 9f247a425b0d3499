namespace LstmFcn.Rocket;

/// <summary>
/// Eigendecomposition of a real symmetric matrix: Householder reduction to tridiagonal form, then the implicit QL
/// algorithm (the EISPACK tred2/tql2 pair). O(n³), in place, no allocation per sweep. The ridge classifier's one
/// decomposition, from which every alpha's leave-one-out error follows without refitting.
/// </summary>
public sealed class SymmetricEigen
{
    /// <summary>Eigenvalues, ascending.</summary>
    public double[] Values { get; }

    /// <summary>Eigenvectors as rows: <c>Vectors[j]</c> belongs to <c>Values[j]</c> (unit length).</summary>
    public double[][] Vectors { get; }

    SymmetricEigen(double[] values, double[][] vectors) => (Values, Vectors) = (values, vectors);

    /// <summary>Decomposes <paramref name="matrix"/> (n rows of n; only symmetric input is meaningful; it is overwritten).</summary>
    public static SymmetricEigen Of(double[][] matrix)
    {
        int n = matrix.Length;
        var d = new double[n];
        var e = new double[n];
        Tridiagonalise(matrix, d, e);
        var vt = Transpose(matrix);
        QlIterations(vt, d, e);
        return Sorted(d, vt);
    }

    static void Tridiagonalise(double[][] v, double[] d, double[] e)
    {
        int n = v.Length;
        if (n == 0) return;
        for (int j = 0; j < n; j++) d[j] = v[n - 1][j];
        for (int i = n - 1; i > 0; i--)
        {
            double scale = 0, h = 0;
            for (int k = 0; k < i; k++) scale += Math.Abs(d[k]);
            if (scale == 0)
            {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++)
                {
                    d[j] = v[i - 1][j];
                    v[i][j] = 0;
                    v[j][i] = 0;
                }
            }
            else
            {
                for (int k = 0; k < i; k++)
                {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }
                double f = d[i - 1], g = Math.Sqrt(h);
                if (f > 0) g = -g;
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (int j = 0; j < i; j++) e[j] = 0;
                for (int j = 0; j < i; j++)
                {
                    f = d[j];
                    v[j][i] = f;
                    g = e[j] + v[j][j] * f;
                    for (int k = j + 1; k <= i - 1; k++)
                    {
                        g += v[k][j] * d[k];
                        e[k] += v[k][j] * f;
                    }
                    e[j] = g;
                }
                f = 0;
                for (int j = 0; j < i; j++)
                {
                    e[j] /= h;
                    f += e[j] * d[j];
                }
                double hh = f / (h + h);
                for (int j = 0; j < i; j++) e[j] -= hh * d[j];
                for (int j = 0; j < i; j++)
                {
                    f = d[j];
                    g = e[j];
                    for (int k = j; k <= i - 1; k++) v[k][j] -= f * e[k] + g * d[k];
                    d[j] = v[i - 1][j];
                    v[i][j] = 0;
                }
            }
            d[i] = h;
        }
        // Accumulate the transformations.
        for (int i = 0; i < n - 1; i++)
        {
            v[n - 1][i] = v[i][i];
            v[i][i] = 1;
            double h = d[i + 1];
            if (h != 0)
            {
                for (int k = 0; k <= i; k++) d[k] = v[k][i + 1] / h;
                for (int j = 0; j <= i; j++)
                {
                    double g = 0;
                    for (int k = 0; k <= i; k++) g += v[k][i + 1] * v[k][j];
                    for (int k = 0; k <= i; k++) v[k][j] -= g * d[k];
                }
            }
            for (int k = 0; k <= i; k++) v[k][i + 1] = 0;
        }
        for (int j = 0; j < n; j++)
        {
            d[j] = v[n - 1][j];
            v[n - 1][j] = 0;
        }
        v[n - 1][n - 1] = 1;
        e[0] = 0;
    }

    /// <summary>Implicit QL on the tridiagonal (d, e); rotations applied to the rows of <paramref name="vt"/> (contiguous).</summary>
    static void QlIterations(double[][] vt, double[] d, double[] e)
    {
        int n = d.Length;
        for (int i = 1; i < n; i++) e[i - 1] = e[i];
        if (n > 0) e[n - 1] = 0;
        double f = 0, tst1 = 0, eps = Math.Pow(2, -52);
        for (int l = 0; l < n; l++)
        {
            tst1 = Math.Max(tst1, Math.Abs(d[l]) + Math.Abs(e[l]));
            int m = l;
            while (m < n && Math.Abs(e[m]) > eps * tst1) m++;
            if (m == n) m = n - 1;
            if (m > l)
            {
                int iterations = 0;
                do
                {
                    if (++iterations > 300) throw new InvalidOperationException("eigendecomposition did not converge");
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = Hypot(p, 1);
                    if (p < 0) r = -r;
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) d[i] -= h;
                    f += h;
                    p = d[m];
                    double c = 1, c2 = c, c3 = c, el1 = e[l + 1], s = 0, s2 = 0;
                    for (int i = m - 1; i >= l; i--)
                    {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        var a = vt[i];
                        var b = vt[i + 1];
                        for (int k = 0; k < n; k++)
                        {
                            h = b[k];
                            b[k] = s * a[k] + c * h;
                            a[k] = c * a[k] - s * h;
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.Abs(e[l]) > eps * tst1);
            }
            d[l] += f;
            e[l] = 0;
        }
    }

    static double Hypot(double a, double b)
    {
        double x = Math.Abs(a), y = Math.Abs(b);
        if (x < y) (x, y) = (y, x);
        if (x == 0) return 0;
        double t = y / x;
        return x * Math.Sqrt(1 + t * t);
    }

    static double[][] Transpose(double[][] v)
    {
        int n = v.Length;
        var t = new double[n][];
        for (int i = 0; i < n; i++)
        {
            t[i] = new double[n];
            for (int k = 0; k < n; k++) t[i][k] = v[k][i];
        }
        return t;
    }

    static SymmetricEigen Sorted(double[] d, double[][] vt)
    {
        var order = Enumerable.Range(0, d.Length).ToArray();
        Array.Sort(d.ToArray(), order);
        return new SymmetricEigen(order.Select(i => d[i]).ToArray(), order.Select(i => vt[i]).ToArray());
    }
}
