using System.Globalization;
using System.Text;
using ScottPlot;

namespace LstmFcn.Pipeline.Comparison;

/// <summary>Writes a <see cref="ComparisonTable"/> as CSV, Markdown and a rank plot PNG.</summary>
public static class ComparisonWriter
{
    static string F(double v, string format = "0.0000") => double.IsNaN(v) ? "" : v.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>comparison.csv: one row per dataset (accuracy per model, empty where missing), then the summary rows.</summary>
    public static string Csv(ComparisonTable t)
    {
        var csv = new StringBuilder();
        csv.Append("dataset,").Append(string.Join(',', t.Models.Select(Quote))).Append('\n');
        for (int d = 0; d < t.Datasets.Count; d++)
            csv.Append(Quote(t.Datasets[d])).Append(',')
               .Append(string.Join(',', t.Models.Select((_, m) => t.Accuracy(d, m) is { } a ? a.ToString("R", CultureInfo.InvariantCulture) : ""))).Append('\n');
        void Summary(string name, Func<int, string> value) =>
            csv.Append(name).Append(',').Append(string.Join(',', t.Models.Select((_, m) => value(m)))).Append('\n');
        Summary("wins", m => t.Wins[m].ToString(CultureInfo.InvariantCulture));
        Summary("mpce", m => F(t.Mpce[m], "R"));
        Summary("mean_rank", m => F(t.MeanRank[m], "R"));
        Summary("geometric_mean_rank", m => F(t.GeometricMeanRank[m], "R"));
        if (t.FriedmanTest is { } fr)
        {
            // One row per figure, the value under the first model: the test is of all models together.
            string Row(string name, double value) => name + "," + F(value, "R") + new string(',', t.Models.Count - 1) + "\n";
            csv.Append(Row("friedman_chi_square", fr.ChiSquare)).Append(Row("friedman_p", fr.ChiSquarePValue))
               .Append(Row("iman_davenport_f", fr.ImanDavenportF)).Append(Row("iman_davenport_p", fr.ImanDavenportPValue));
        }
        return csv.ToString();
    }

    /// <summary>wilcoxon.csv: one row per pair of models.</summary>
    public static string WilcoxonCsv(ComparisonTable t)
    {
        var csv = new StringBuilder("model_a,model_b,datasets,non_zero_differences,rank_sum_a_better,rank_sum_b_better,p_value,method\n");
        for (int a = 0; a < t.Models.Count; a++)
        for (int b = a + 1; b < t.Models.Count; b++)
        {
            if (t.Pairwise[a, b] is not { } w) continue;
            csv.Append(Quote(t.Models[a])).Append(',').Append(Quote(t.Models[b])).Append(',')
               .Append(w.Pairs).Append(',').Append(w.NonZero).Append(',')
               .Append(F(w.RankSumPositive, "R")).Append(',').Append(F(w.RankSumNegative, "R")).Append(',')
               .Append(F(w.PValue, "R")).Append(',').Append(w.Method).Append('\n');
        }
        return csv.ToString();
    }

    public static string Markdown(ComparisonTable t, string rankPlotFile)
    {
        var md = new StringBuilder("# Comparison\n\n");
        md.Append($"{t.Datasets.Count} dataset(s) × {t.Models.Count} model(s); test accuracy, **best per row in bold** (ties all bold). ");
        md.Append($"Wins, MPCE and ranks over the {t.CompleteDatasets.Length} dataset(s) every model has a result for.\n\n");
        md.Append("| dataset | ").Append(string.Join(" | ", t.Models)).Append(" |\n|---|").Append(string.Concat(t.Models.Select(_ => "---:|"))).Append('\n');
        for (int d = 0; d < t.Datasets.Count; d++)
        {
            var values = t.Models.Select((_, m) => t.Accuracy(d, m)).ToArray();
            double best = values.Where(v => v is not null).Max() ?? double.NaN;
            md.Append("| ").Append(t.Datasets[d]).Append(" | ")
              .Append(string.Join(" | ", values.Select(v => v is not { } a ? "–" : a == best ? $"**{F(a)}**" : F(a)))).Append(" |\n");
        }
        void Summary(string name, Func<int, string> value) =>
            md.Append("| *").Append(name).Append("* | ").Append(string.Join(" | ", t.Models.Select((_, m) => value(m)))).Append(" |\n");
        Summary("wins", m => t.Wins[m].ToString(CultureInfo.InvariantCulture));
        Summary("MPCE", m => F(t.Mpce[m]));
        Summary("arithmetic mean rank", m => F(t.MeanRank[m], "0.00"));
        Summary("geometric mean rank", m => F(t.GeometricMeanRank[m], "0.00"));
        md.Append('\n');

        if (t.Models.Count > 1)
        {
            md.Append("## Pairwise Wilcoxon signed-rank tests (two-sided p-values)\n\n");
            md.Append("Over the datasets both models have; zero differences dropped, tied |differences| share ranks; exact p for up to ")
              .Append(Wilcoxon.ExactLimit).Append(" non-zero differences (the permutation distribution of these ranks), normal approximation ")
              .Append("with tie-corrected variance beyond.\n\n");
            md.Append("| | ").Append(string.Join(" | ", t.Models)).Append(" |\n|---|").Append(string.Concat(t.Models.Select(_ => "---:|"))).Append('\n');
            for (int a = 0; a < t.Models.Count; a++)
                md.Append("| ").Append(t.Models[a]).Append(" | ")
                  .Append(string.Join(" | ", t.Models.Select((_, b) => a == b ? "" : t.Pairwise[a, b] is { } w ? $"{F(w.PValue)} (n={w.NonZero})" : "–"))).Append(" |\n");
            md.Append('\n');
        }
        md.Append("## Mean ranks\n\n");
        if (t.FriedmanTest is { } fr)
        {
            md.Append($"Friedman test over {fr.Datasets} dataset(s): χ²_F = {F(fr.ChiSquare, "0.000")} ({fr.ChiSquareDegreesOfFreedom} df), p = {F(fr.ChiSquarePValue)}; ")
              .Append($"Iman–Davenport F_F = {F(fr.ImanDavenportF, "0.000")} (F({fr.NumeratorDegreesOfFreedom}, {fr.DenominatorDegreesOfFreedom})), p = {F(fr.ImanDavenportPValue)}. ")
              .Append(fr.ImanDavenportPValue < 0.05
                  ? "The mean ranks differ (p < 0.05), so the Nemenyi post-hoc comparison applies.\n\n"
                  : "The mean ranks do not differ significantly (p ≥ 0.05): read the Nemenyi bars below as no evidence of a difference.\n\n");
        }
        md.Append(t.CriticalDifference is { } cd
            ? $"Nemenyi critical difference at α = 0.05: CD = {F(cd, "0.000")} over {t.CompleteDatasets.Length} dataset(s); models whose mean ranks differ by less are joined by a bar.\n\n"
            : "No Nemenyi critical difference (needs 2–10 models and a dataset every model has).\n\n");
        md.Append($"![mean ranks]({rankPlotFile})\n\n");
        if (t.Notes.Count > 0)
        {
            md.Append("## Notes\n\n");
            foreach (var note in t.Notes) md.Append("- ").Append(note).Append('\n');
            md.Append('\n');
        }
        md.Append("## Runs\n\n| dataset | model | run directory |\n|---|---|---|\n");
        for (int d = 0; d < t.Datasets.Count; d++)
        for (int m = 0; m < t.Models.Count; m++)
            if (t.Runs[d, m] is { } r) md.Append($"| {t.Datasets[d]} | {t.Models[m]} | {r.Directory} |\n");
        return md.ToString();
    }

    /// <summary>
    /// Critical-difference diagram after Demšar (2006): the mean-rank axis (1, the best, on the left), each model's
    /// mean rank marked and labelled, the CD as a bar, and models not significantly different (mean ranks within CD)
    /// joined by thick bars.
    /// </summary>
    public static byte[] RankPlot(ComparisonTable t)
    {
        PlotFonts.Use();
        int k = t.Models.Count;
        var plot = new Plot();
        // A text rather than plot.Title: a frameless plot draws no title.
        var title = plot.Add.Text(t.CriticalDifference is { } cdTitle
            ? $"Mean rank over {t.CompleteDatasets.Length} datasets (1 = best; Nemenyi CD = {F(cdTitle, "0.00")}, α = 0.05)"
            : $"Mean rank over {t.CompleteDatasets.Length} datasets (1 = best)", (1 + Math.Max(2, k)) / 2.0, 1.15);
        title.LabelAlignment = Alignment.LowerCenter;
        title.LabelFontSize = 16;
        var order = Enumerable.Range(0, k).Where(m => !double.IsNaN(t.MeanRank[m])).OrderBy(m => t.MeanRank[m]).ToArray();

        // Axis line with ticks at every rank.
        var axis = plot.Add.Line(1, 0, Math.Max(2, k), 0);
        axis.LineColor = Colors.Black;
        axis.LineWidth = 1.5f;
        for (int r = 1; r <= Math.Max(2, k); r++)
        {
            var tick = plot.Add.Line(r, 0, r, 0.12);
            tick.LineColor = Colors.Black;
            var label = plot.Add.Text(r.ToString(CultureInfo.InvariantCulture), r, 0.18);
            label.LabelAlignment = Alignment.LowerCenter;
            label.LabelFontSize = 13;
        }
        // Each model: a drop from the axis to its label row, labels left for the better half, right for the rest.
        int half = (order.Length + 1) / 2;
        for (int i = 0; i < order.Length; i++)
        {
            int m = order[i];
            double rank = t.MeanRank[m];
            bool left = i < half;
            double y = -0.45 - 0.35 * (left ? i : order.Length - 1 - i);
            double end = left ? 0.75 : Math.Max(2, k) + 0.25;
            var drop = plot.Add.Line(rank, 0, rank, y);
            drop.LineColor = Colors.DimGray;
            var run = plot.Add.Line(rank, y, end, y);
            run.LineColor = Colors.DimGray;
            var name = plot.Add.Text($"{t.Models[m]} ({F(rank, "0.00")})", end + (left ? -0.05 : 0.05), y);
            name.LabelAlignment = left ? Alignment.MiddleRight : Alignment.MiddleLeft;
            name.LabelFontSize = 13;
        }
        if (t.CriticalDifference is { } cd)
        {
            var bar = plot.Add.Line(1, 0.65, 1 + cd, 0.65);
            bar.LineWidth = 2;
            bar.LineColor = Colors.Black;
            foreach (var endX in new[] { 1.0, 1 + cd })
            {
                var cap = plot.Add.Line(endX, 0.58, endX, 0.72);
                cap.LineColor = Colors.Black;
            }
            var cdLabel = plot.Add.Text($"CD = {F(cd, "0.00")}", 1 + cd / 2, 0.75);
            cdLabel.LabelAlignment = Alignment.LowerCenter;
            cdLabel.LabelFontSize = 13;
            // Maximal groups of consecutive models within CD of each other, each drawn once.
            var cliques = new List<(int From, int To)>();
            for (int i = 0; i < order.Length; i++)
            {
                int j = i;
                while (j + 1 < order.Length && t.MeanRank[order[j + 1]] - t.MeanRank[order[i]] < cd) j++;
                if (j > i && !cliques.Any(c => c.From <= i && c.To >= j)) cliques.Add((i, j));
            }
            for (int c = 0; c < cliques.Count; c++)
            {
                double y = -0.15 - 0.12 * c;
                var clique = plot.Add.Line(t.MeanRank[order[cliques[c].From]] - 0.03, y, t.MeanRank[order[cliques[c].To]] + 0.03, y);
                clique.LineWidth = 5;
                clique.LineColor = Colors.Black;
            }
        }
        plot.Axes.Frameless();
        plot.HideGrid();
        double bottom = -0.45 - 0.35 * Math.Max(0, half - 1) - 0.4;
        plot.Axes.SetLimits(-Math.Max(2, k) * 0.45, Math.Max(2, k) * 1.45 + 1, bottom, 1.45);
        return plot.GetImageBytes(1100, Math.Max(320, (int)(160 + 70 * half)), ImageFormat.Png);
    }

    static string Quote(string value) =>
        value.IndexOfAny(new[] { ',', '"', '\n' }) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
