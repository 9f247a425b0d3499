using LstmFcn.Pipeline.Files;

namespace LstmFcn.Plugins.Forest;

/// <summary>
/// Mean decrease in impurity (Breiman's Gini importance), combined as scikit-learn does: each tree's weighted impurity
/// decreases per feature are normalised to sum to 1, trees that never split are left out, the rest averaged and the
/// result normalised again.
/// </summary>
public static class FeatureImportance
{
    /// <summary>Where tree models write their importances in the run (the report plots it).</summary>
    public const string FileName = "feature-importance.csv";

    public static double[] Combine(IReadOnlyList<double[]> perTree, int features)
    {
        var total = new double[features];
        int contributing = 0;
        foreach (var tree in perTree)
        {
            double sum = 0;
            foreach (var v in tree) sum += v;
            if (sum <= 0) continue;
            for (int f = 0; f < features; f++) total[f] += tree[f] / sum;
            contributing++;
        }
        if (contributing == 0) return total; // every tree is a single leaf: no feature was ever used
        double grand = 0;
        foreach (var v in total) grand += v;
        for (int f = 0; f < features; f++) total[f] /= grand;
        return total;
    }

    /// <summary>Importances as CSV: feature (channel/time), channel, time index, time, importance — in feature order.</summary>
    public static string Csv(FeatureLayout layout, double[] importances)
    {
        var csv = new System.Text.StringBuilder("feature,channel,time_index,time,importance\n");
        for (int f = 0; f < importances.Length; f++)
            csv.Append(CsvField.Quote(layout.NameOf(f))).Append(',').Append(CsvField.Quote(layout.ChannelNames[f / layout.Length])).Append(',')
               .Append(f % layout.Length).Append(',').Append(CsvField.Quote(layout.TimeNames[f % layout.Length])).Append(',')
               .Append(importances[f].ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        return csv.ToString();
    }
}
