using LstmFcn.Pipeline.Comparison;
using LstmFcn.Pipeline;
using ScottPlot;
using LstmFcn.Pipeline.Scoring;

namespace LstmFcn.Plugins.Reports;

/// <summary>The report's plots, each rendered to PNG bytes.</summary>
static class RunCharts
{
    public const int Width = 900;
    public const int Height = 420;

    static Plot NewPlot(string title)
    {
        PlotFonts.Use();
        var plot = new Plot();
        plot.Title(title, size: 16);
        return plot;
    }

    static byte[] Png(Plot plot, int width = Width, int height = Height) => plot.GetImageBytes(width, height, ImageFormat.Png);

    /// <summary>One training figure over epochs: the train series and, where measured, the validation series.</summary>
    public static byte[] EpochCurves(string title, string yLabel, IReadOnlyList<EpochRecord> epochs,
        Func<EpochRecord, double> train, Func<EpochRecord, double>? validation, bool logScale = false)
    {
        var plot = NewPlot(title);
        var x = epochs.Select((e, i) => (double)(i + 1)).ToArray();
        double Y(double v) => logScale ? Math.Log10(v) : v;
        var trainLine = plot.Add.ScatterLine(x, epochs.Select(e => Y(train(e))).ToArray());
        trainLine.LegendText = validation is null ? yLabel : "train";
        trainLine.LineWidth = 1.5f;
        if (validation is not null && epochs.Any(e => !double.IsNaN(validation(e))))
        {
            var valLine = plot.Add.ScatterLine(x, epochs.Select(e => Y(validation(e))).ToArray());
            valLine.LegendText = "validation";
            valLine.LineWidth = 1.5f;
            plot.ShowLegend(Alignment.UpperRight);
        }
        if (logScale)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                LabelFormatter = v => Math.Pow(10, v).ToString("G3", System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        plot.XLabel(epochs.Any(e => e.Round > 0) ? "epoch (all fine-tuning rounds in sequence)" : "epoch");
        plot.YLabel(logScale ? yLabel + " (log scale)" : yLabel);
        return Png(plot);
    }

    /// <summary>
    /// Confusion matrix: rows true class, columns predicted; cells coloured by the share of the true class (so rare
    /// classes are as visible as common ones) and labelled with the count; row labels carry each class's recall.
    /// </summary>
    public static byte[] ConfusionMatrix(ClassificationMetrics scores, IReadOnlyList<string> classes)
    {
        int k = classes.Count;
        var counts = new long[k, k];
        for (int r = 0; r < k; r++)
            for (int c = 0; c < k; c++) counts[r, c] = scores.Confusion[r, c];
        return CountHeatmap("Confusion matrix (colour: share of the true class)", counts, classes,
            classes.Select((name, i) => $"{Short(name)} (recall {scores.Recall[i]:0.00})").ToArray(), "predicted class", "true class");
    }

    /// <summary>
    /// A matrix of counts: cells coloured by their share of the row (so rare rows are as visible as common ones) and
    /// labelled with the count; <paramref name="rowLabels"/> name the rows, <paramref name="columns"/> the columns.
    /// </summary>
    public static byte[] CountHeatmap(string title, long[,] counts, IReadOnlyList<string> columns, IReadOnlyList<string> rowLabels, string xLabel, string yLabel)
    {
        int k = columns.Count;
        var plot = NewPlot(title);
        var shares = new double[k, k];
        for (int r = 0; r < k; r++)
        {
            long rowTotal = 0;
            for (int c = 0; c < k; c++) rowTotal += counts[r, c];
            for (int c = 0; c < k; c++) shares[r, c] = rowTotal == 0 ? 0 : counts[r, c] / (double)rowTotal;
        }
        // Cells as rectangles coloured from white (0 %) to dark blue (100 % of the row): cell (r, c) is the unit square
        // centred on (c, k-1-r), so row 0 is on top as in the printed matrix.
        var light = new Color(247, 251, 255);
        var dark = new Color(8, 48, 107);
        for (int r = 0; r < k; r++)
        for (int c = 0; c < k; c++)
        {
            var cell = plot.Add.Rectangle(c - 0.5, c + 0.5, k - 1 - r - 0.5, k - 1 - r + 0.5);
            cell.FillColor = light.MixedWith(dark, shares[r, c]);
            cell.LineColor = Colors.White;
        }
        float fontSize = k <= 6 ? 16 : k <= 12 ? 11 : 8;
        for (int r = 0; r < k; r++)
        for (int c = 0; c < k; c++)
        {
            var text = plot.Add.Text(counts[r, c].ToString(System.Globalization.CultureInfo.InvariantCulture), c, k - 1 - r);
            text.LabelFontSize = fontSize;
            text.LabelAlignment = Alignment.MiddleCenter;
            text.LabelFontColor = shares[r, c] > 0.5 ? Colors.White : Colors.Black;
        }
        var positions = Enumerable.Range(0, k).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, columns.Select(Short).ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            positions.Select(p => (double)(k - 1 - (int)p)).ToArray(), rowLabels.ToArray());
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.SetLimits(-0.5, k - 0.5, -0.5, k - 0.5);
        plot.HideGrid();
        int side = Math.Clamp(260 + 45 * k, 420, 1100);
        return Png(plot, side + 200, side);
    }

    /// <summary>
    /// Groups of bars, one group per class and one bar per series, each with its error bar (e.g. a 95 % half-width;
    /// NaN: none) — user's vs producer's accuracy, or mapped vs estimated area.
    /// </summary>
    public static byte[] GroupedBars(string title, string yLabel, IReadOnlyList<string> classes,
        IReadOnlyList<(string Name, double[] Values, double[] Errors)> series, double? yMax = null)
    {
        var plot = NewPlot(title);
        int m = series.Count;
        double width = 0.8 / m;
        var palette = new ScottPlot.Palettes.Category10();
        for (int s = 0; s < m; s++)
        {
            var bars = new List<Bar>();
            for (int c = 0; c < classes.Count; c++)
            {
                double v = series[s].Values[c], e = series[s].Errors[c];
                bars.Add(new Bar
                {
                    Position = c - 0.4 + width * (s + 0.5), Value = double.IsFinite(v) ? v : 0, Error = double.IsFinite(e) ? e : 0,
                    Size = width * 0.9, FillColor = palette.GetColor(s),
                });
            }
            var plotted = plot.Add.Bars(bars);
            plotted.LegendText = series[s].Name;
        }
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, classes.Count).Select(i => (double)i).ToArray(), classes.Select(Short).ToArray());
        if (yMax is { } top) plot.Axes.SetLimitsY(0, top);
        else plot.Axes.Margins(bottom: 0);
        plot.YLabel(yLabel);
        plot.XLabel("map class");
        return Png(plot, Math.Clamp(200 + 90 * classes.Count, 600, 1400), Height);
    }

    public static byte[] ClassF1(ClassificationMetrics scores, IReadOnlyList<string> classes)
    {
        var plot = NewPlot($"Per-class F1 (macro-F1 {scores.MacroF1:0.000})");
        var bars = plot.Add.Bars(scores.F1);
        for (int i = 0; i < bars.Bars.Count; i++) bars.Bars[i].Label = scores.F1[i].ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        bars.ValueLabelStyle.FontSize = 12;
        var positions = Enumerable.Range(0, classes.Count).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions,
            classes.Select((n, i) => $"{Short(n)}\nn={scores.Support[i]}").ToArray());
        plot.Axes.SetLimitsY(0, 1.1);
        plot.YLabel("F1");
        plot.XLabel("class (test support)");
        return Png(plot, Math.Clamp(200 + 70 * classes.Count, 600, 1400), Height);
    }

    /// <summary>
    /// One series (first channel) drawn in segments coloured by its class activation map, scaled to [0, 1] within
    /// the series: red where the conv features push towards the class, blue where they do not.
    /// </summary>
    public static byte[] ActivationMap(TimeSeriesSample sample, float[] map, string title)
    {
        var plot = NewPlot(title);
        var values = sample.Channel(0);
        float lo = map.Min(), hi = map.Max();
        float span = hi - lo > 1e-12f ? hi - lo : 1;
        var colormap = new ScottPlot.Colormaps.Turbo();
        for (int t = 0; t + 1 < values.Length; t++)
        {
            double weight = ((map[t] + map[t + 1]) / 2 - lo) / span;
            var segment = plot.Add.Line(t, values[t], t + 1, values[t + 1]);
            segment.LineColor = colormap.GetColor(weight);
            segment.LineWidth = 3;
        }
        plot.XLabel("time step (colour: class activation, blue low → red high)");
        plot.YLabel(sample.Channels > 1 ? "value (channel 1)" : "value");
        return Png(plot, Width, 300);
    }

    /// <summary>Mean (and a band of ± one deviation) of a per-position value across samples, e.g. attention.</summary>
    public static byte[] MeanProfile(string title, string xLabel, string yLabel, IReadOnlyList<double[]> rows, IReadOnlyList<string>? xNames = null)
    {
        var plot = NewPlot(title);
        int width = rows[0].Length;
        var x = Enumerable.Range(0, width).Select(i => (double)i).ToArray();
        var mean = new double[width];
        var sd = new double[width];
        for (int j = 0; j < width; j++)
        {
            double m = rows.Average(r => r[j]);
            mean[j] = m;
            sd[j] = rows.Count > 1 ? Math.Sqrt(rows.Sum(r => (r[j] - m) * (r[j] - m)) / (rows.Count - 1)) : 0;
        }
        if (rows.Count > 1)
        {
            var band = plot.Add.FillY(x, mean.Zip(sd, (m, s) => m - s).ToArray(), mean.Zip(sd, (m, s) => m + s).ToArray());
            band.FillColor = Colors.SteelBlue.WithAlpha(0.25);
            band.LegendText = "± 1 sd";
        }
        var line = plot.Add.ScatterLine(x, mean);
        line.LegendText = rows.Count > 1 ? $"mean of {rows.Count}" : "value";
        line.LineWidth = 2;
        plot.ShowLegend(Alignment.UpperRight);
        if (xNames is not null && xNames.Count == width && width <= 40)
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(x, xNames.ToArray());
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return Png(plot);
    }

    /// <summary>Feature importance over time, one line per channel.</summary>
    public static byte[] ImportanceCurves(IReadOnlyList<(string Channel, double[] Values)> channels, IReadOnlyList<string> timeNames)
    {
        var plot = NewPlot("Feature importance (mean decrease in impurity) over time");
        int length = channels[0].Values.Length;
        var x = Enumerable.Range(0, length).Select(i => (double)i).ToArray();
        foreach (var (channel, values) in channels)
        {
            var line = plot.Add.Scatter(x, values);
            line.LegendText = channel;
            line.MarkerSize = length <= 60 ? 4 : 0;
            line.LineWidth = 1.5f;
        }
        if (channels.Count > 1) plot.ShowLegend(Alignment.UpperRight);
        if (timeNames.Count == length && length <= 30)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(x, timeNames.ToArray());
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        }
        plot.XLabel("time index");
        plot.YLabel("importance");
        return Png(plot, Width, 460);
    }

    static string Short(string name) => name.Length <= 16 ? name : name[..15] + "…";
}
