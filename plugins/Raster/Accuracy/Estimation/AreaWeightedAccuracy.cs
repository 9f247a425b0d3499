namespace LstmFcn.Accuracy;

/// <summary>
/// Olofsson et al. (2014, Remote Sensing of Environment 148:42–57, "Good practices for estimating area and assessing
/// accuracy of land change"), section 4.4 and eqs. 2–11: stratified estimators for a sample whose strata are the map
/// classes. A stratum's estimates use its sample proportions n_ij / n_i. weighted by its share W_i of the mapped area,
/// so a rare class sampled heavily does not distort the totals.
/// </summary>
public static class AreaWeightedAccuracy
{
    /// <param name="sample">n_ij: validation points per (map class, reference class).</param>
    /// <param name="mappedAreas">Area mapped as each class (pixels, ha, …); the areas come out in the same unit.</param>
    public static AreaWeightedAssessment Assess(ErrorMatrix sample, IReadOnlyList<double> mappedAreas)
    {
        int k = sample.Count;
        if (mappedAreas.Count != k)
            throw new ArgumentException($"{mappedAreas.Count} mapped areas for {k} classes; give one per class", nameof(mappedAreas));
        double total = 0;
        for (int i = 0; i < k; i++)
        {
            if (!(mappedAreas[i] >= 0) || double.IsInfinity(mappedAreas[i]))
                throw new ArgumentException($"mapped area of class '{sample.Classes[i]}' is {mappedAreas[i]}; expected a finite area ≥ 0", nameof(mappedAreas));
            if (mappedAreas[i] > 0 && sample.MapTotal(i) == 0)
                throw new ArgumentException($"class '{sample.Classes[i]}' covers {mappedAreas[i]:G6} (area units) of the map but has no validation point in its stratum; every mapped class needs points");
            total += mappedAreas[i];
        }
        if (total <= 0) throw new ArgumentException("the mapped areas add up to 0", nameof(mappedAreas));

        var w = new double[k];
        var n = new double[k];
        for (int i = 0; i < k; i++) { w[i] = mappedAreas[i] / total; n[i] = sample.MapTotal(i); }

        // p̂_ij = W_i n_ij / n_i. (eq. 4); a stratum with no area and no points contributes nothing.
        var p = new double[k, k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
                p[i, j] = n[i] > 0 ? w[i] * sample[i, j] / n[i] : 0;

        var users = new Estimate[k];
        double overall = 0, overallVariance = 0;
        for (int i = 0; i < k; i++)
        {
            overall += p[i, i];
            if (n[i] == 0) { users[i] = new Estimate(double.NaN, double.NaN); continue; }
            double u = sample[i, i] / n[i];
            // V(Û_i) = Û_i (1 − Û_i) / (n_i. − 1) (eq. 6); V(Ô) = Σ W_i² Û_i (1 − Û_i) / (n_i. − 1) (eq. 5).
            double v = u * (1 - u) / (n[i] - 1);
            users[i] = new Estimate(u, Math.Sqrt(v));
            overallVariance += w[i] * w[i] * v;
        }

        var producers = new Estimate[k];
        var areaProportions = new Estimate[k];
        var areas = new Estimate[k];
        for (int j = 0; j < k; j++)
        {
            // p̂_.j and its standard error: S(p̂_.j) = sqrt(Σ_i (W_i p̂_ij − p̂_ij²) / (n_i. − 1)) (eq. 10).
            double pj = 0, areaVariance = 0;
            for (int i = 0; i < k; i++)
            {
                pj += p[i, j];
                if (n[i] > 0) areaVariance += (w[i] * p[i, j] - p[i, j] * p[i, j]) / (n[i] - 1);
            }
            areaProportions[j] = new Estimate(pj, Math.Sqrt(areaVariance));
            areas[j] = areaProportions[j].Times(total);
            producers[j] = Producer(sample, w, n, p, j, pj, users[j].Value);
        }
        return new AreaWeightedAssessment(sample.Classes, sample, p, mappedAreas.ToArray(), total,
            new Estimate(overall, Math.Sqrt(overallVariance)), users, producers, areaProportions, areas);
    }

    /// <summary>
    /// P̂_j = p̂_jj / p̂_.j with eq. 7's variance:
    /// (1 / N̂_.j²) [ N_j.² (1 − P̂_j)² Û_j (1 − Û_j) / (n_j. − 1) + P̂_j² Σ_{i≠j} N_i.² (n_ij / n_i.)(1 − n_ij / n_i.) / (n_i. − 1) ],
    /// N̂_.j = Σ_i N_i. n_ij / n_i. — written here with the weights W_i in place of the areas N_i. (the ratio is the same).
    /// </summary>
    static Estimate Producer(ErrorMatrix sample, double[] w, double[] n, double[,] p, int j, double pj, double uj)
    {
        if (pj <= 0) return new Estimate(double.NaN, double.NaN);
        double producer = p[j, j] / pj;
        double variance = 0;
        if (n[j] > 0) variance += w[j] * w[j] * (1 - producer) * (1 - producer) * uj * (1 - uj) / (n[j] - 1);
        double others = 0;
        for (int i = 0; i < sample.Count; i++)
        {
            if (i == j || n[i] == 0) continue;
            double share = sample[i, j] / n[i];
            others += w[i] * w[i] * share * (1 - share) / (n[i] - 1);
        }
        variance = (variance + producer * producer * others) / (pj * pj);
        return new Estimate(producer, Math.Sqrt(variance));
    }
}
