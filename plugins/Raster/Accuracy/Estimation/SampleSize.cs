namespace LstmFcn.Accuracy;

/// <summary>
/// How many validation points to draw and how to share them among the map classes (the strata). Olofsson et al.
/// (2014, eq. 13): n = (Σ W_i S_i / S(Ô))², S_i = sqrt(U_i (1 − U_i)) from the user's accuracy expected of class i and
/// S(Ô) the standard error wanted for the overall accuracy. The paper's example (W = .02/.015/.32/.645, U =
/// .7/.6/.9/.95, S(Ô) = .01) gives 641.
/// </summary>
public static class SampleSize
{
    /// <param name="weights">W_i: each class's share of the mapped area.</param>
    /// <param name="expectedUsers">U_i: the user's accuracy expected of each class (0 &lt; U ≤ 1).</param>
    /// <param name="targetStandardError">S(Ô): the standard error wanted for the overall accuracy.</param>
    public static int Total(IReadOnlyList<double> weights, IReadOnlyList<double> expectedUsers, double targetStandardError)
    {
        if (weights.Count != expectedUsers.Count)
            throw new ArgumentException($"{weights.Count} weights but {expectedUsers.Count} expected user's accuracies; give one per class");
        if (!(targetStandardError > 0 && targetStandardError < 1))
            throw new ArgumentException($"target standard error {targetStandardError} must lie in (0, 1)", nameof(targetStandardError));
        double sum = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            double u = expectedUsers[i];
            if (!(u > 0 && u <= 1)) throw new ArgumentException($"expected user's accuracy {u} of class {i + 1} must lie in (0, 1]", nameof(expectedUsers));
            sum += weights[i] * Math.Sqrt(u * (1 - u));
        }
        double n = sum / targetStandardError;
        return (int)Math.Ceiling(n * n - 1e-9);
    }

    /// <summary>
    /// Proportional allocation (n_i ∝ W_i, rounded so they add up to <paramref name="total"/>), raising every class to at
    /// least <paramref name="minimum"/> points (Olofsson et al. advise 50–100 for rare classes) — the raised classes'
    /// points come on top of the total.
    /// </summary>
    public static int[] Proportional(IReadOnlyList<double> weights, int total, int minimum = 0)
    {
        var exact = weights.Select(w => w * total).ToArray();
        var sizes = exact.Select(x => (int)Math.Floor(x)).ToArray();
        // Largest remainders first, so the rounded sizes add up to the total.
        int left = total - sizes.Sum();
        foreach (var i in Enumerable.Range(0, sizes.Length).OrderByDescending(i => exact[i] - sizes[i]).ThenBy(i => i).Take(Math.Max(0, left)))
            sizes[i]++;
        for (int i = 0; i < sizes.Length; i++)
            if (weights[i] > 0) sizes[i] = Math.Max(sizes[i], minimum);
        return sizes;
    }
}
