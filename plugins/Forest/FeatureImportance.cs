using LstmFcn.Pipeline;
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

    /// <summary>
    /// Logs the five most important features and writes all of them to <see cref="FileName"/> in the run.
    /// </summary>
    /// <param name="measure">What the numbers are, in the log line ("share of split gain"); null: impurity decrease.</param>
    public static void Record(FeatureLayout layout, double[] importances, RunContext context, string? measure = null)
    {
        var top = importances.Select((v, f) => (v, f)).OrderByDescending(x => x.v).Take(5)
            .Select(x => $"{layout.NameOf(x.f)} {x.v.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)}");
        var what = measure is null ? "" : $" ({measure})";
        context.Log.Info($"Most important features{what}: {string.Join(", ", top)} (all in {FileName})");
        context.Artifacts.WriteText(FileName, Csv(layout, importances));
    }

    /// <summary>Importances with their features' names, as the saved models' metadata lists them.</summary>
    public static List<NamedImportance> Named(FeatureLayout layout, double[] importances) =>
        importances.Select((v, f) => new NamedImportance(layout.NameOf(f), v)).ToList();

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
