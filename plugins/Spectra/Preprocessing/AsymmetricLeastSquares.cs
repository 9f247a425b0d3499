namespace LstmFcn.Plugins.Spectra.Preprocessing;

/// <summary>
/// Asymmetric least squares baseline (Eilers &amp; Boelens 2005), as in the authors' notebook:
/// repeat <c>niter</c> times: solve (W + λ DᵀD) z = W y, then w = p where y &gt; z, 1 − p where y &lt; z (0 where equal).
/// D is the second-difference operator, so the system is symmetric positive definite and pentadiagonal: it is solved
/// with a banded LDLᵀ factorisation in O(N) per iteration instead of a general sparse solver.
/// </summary>
public static class AsymmetricLeastSquares
{
    /// <summary>The baseline z of <paramref name="y"/> (same length).</summary>
    public static double[] Baseline(ReadOnlySpan<float> y, double lambda, double p, int iterations)
    {
        int n = y.Length;
        if (n < 3) throw new ArgumentException($"ALS needs at least 3 points, found {n}");
        // λ DᵀD in band form: main diagonal, first and second super-diagonals (symmetric).
        var d0 = new double[n];
        var d1 = new double[n - 1];
        var d2 = new double[n - 2];
        for (int k = 0; k < n - 2; k++)
        {
            // Row k of D is [1, −2, 1] at columns k, k+1, k+2: add its outer product.
            d0[k] += lambda; d0[k + 1] += 4 * lambda; d0[k + 2] += lambda;
            d1[k] += -2 * lambda; d1[k + 1] += -2 * lambda;
            d2[k] += lambda;
        }
        var w = new double[n];
        Array.Fill(w, 1.0);
        var z = new double[n];
        var diag = new double[n];
        var l1 = new double[n];
        var l2 = new double[n];
        var rhs = new double[n];
        for (int it = 0; it < iterations; it++)
        {
            for (int i = 0; i < n; i++) rhs[i] = w[i] * y[i];
            SolveInPlace(d0, d1, d2, w, diag, l1, l2, rhs);
            Array.Copy(rhs, z, n);
            for (int i = 0; i < n; i++) w[i] = y[i] > z[i] ? p : y[i] < z[i] ? 1 - p : 0;
        }
        return z;
    }

    /// <summary>
    /// Solves (diag(w) + B) x = rhs for the symmetric pentadiagonal B given by (d0, d1, d2), overwriting rhs with x.
    /// LDLᵀ with L unit lower-triangular of bandwidth 2: A = L·D·Lᵀ, then forward and backward substitution.
    /// </summary>
    static void SolveInPlace(double[] d0, double[] d1, double[] d2, double[] w, double[] diag, double[] l1, double[] l2, double[] rhs)
    {
        int n = d0.Length;
        for (int i = 0; i < n; i++)
        {
            // a_ii − l_{i,i-1}² d_{i-1} − l_{i,i-2}² d_{i-2}
            double a = d0[i] + w[i];
            if (i >= 1) a -= l1[i] * l1[i] * diag[i - 1];
            if (i >= 2) a -= l2[i] * l2[i] * diag[i - 2];
            if (!(a > 0)) throw new ArithmeticException($"ALS system is not positive definite at row {i} (pivot {a})");
            diag[i] = a;
            // Column i of L below the diagonal: rows i+1 and i+2.
            if (i + 1 < n)
            {
                // a_{i+1,i} = l1[i+1]·d_i + l2[i+1]·l1[i]·d_{i-1}; l2[i+1] was set at step i−1.
                double b = d1[i] - (i >= 1 ? l2[i + 1] * l1[i] * diag[i - 1] : 0);
                l1[i + 1] = b / a;
            }
            if (i + 2 < n) l2[i + 2] = d2[i] / a;
        }
        // L y = rhs
        for (int i = 0; i < n; i++)
        {
            if (i >= 1) rhs[i] -= l1[i] * rhs[i - 1];
            if (i >= 2) rhs[i] -= l2[i] * rhs[i - 2];
        }
        for (int i = 0; i < n; i++) rhs[i] /= diag[i];
        // Lᵀ x = y
        for (int i = n - 1; i >= 0; i--)
        {
            if (i + 1 < n) rhs[i] -= l1[i + 1] * rhs[i + 1];
            if (i + 2 < n) rhs[i] -= l2[i + 2] * rhs[i + 2];
        }
    }
}
