namespace LstmFcn.Accuracy;

/// <summary>
/// The sample's own, unweighted accuracy figures (what a confusion matrix of the points says without the map's areas):
/// overall accuracy, user's accuracy (precision) and producer's accuracy (recall) per class, F1 and Cohen's kappa.
/// NaN where a class has no point to divide by.
/// </summary>
public sealed record SampleAccuracy(double Overall, double Kappa, IReadOnlyList<double> Users, IReadOnlyList<double> Producers,
    IReadOnlyList<double> F1)
{
    public static SampleAccuracy Of(ErrorMatrix m)
    {
        int k = m.Count;
        double total = m.Total;
        if (total == 0) throw new ArgumentException("the error matrix holds no point", nameof(m));
        double agree = 0, chance = 0;
        var users = new double[k];
        var producers = new double[k];
        var f1 = new double[k];
        for (int c = 0; c < k; c++)
        {
            double row = m.MapTotal(c), column = m.ReferenceTotal(c), hit = m[c, c];
            agree += hit;
            chance += row * column;
            users[c] = row > 0 ? hit / row : double.NaN;
            producers[c] = column > 0 ? hit / column : double.NaN;
            f1[c] = row + column > 0 ? 2 * hit / (row + column) : double.NaN;
        }
        double po = agree / total, pe = chance / (total * total);
        return new SampleAccuracy(po, pe < 1 ? (po - pe) / (1 - pe) : double.NaN, users, producers, f1);
    }
}
