using System.Globalization;
using System.Text;
using LstmFcn.Pipeline;
using LstmFcn.Plugins.Spectra.Models;

namespace LstmFcn.Plugins.Spectra.Reporting;

/// <summary>
/// <c>spectra-insight</c>: what a spectra network looks at, as CSV data and PNG heatmaps under <c>insight/</c>.
/// <list type="bullet">
/// <item>Gradient feature importance (Sun et al.): the input gradient of each training spectrum's own-class evidence,
/// summed over the training set per 2θ point (<c>feature-importance.csv</c>: signed sum and sum of absolute values),
/// and the per-spectrum gradients as a map (<c>feature-importance.png</c>: rows = training spectra, columns = 2θ, |gradient| up to its 99.5th percentile).</item>
/// <item>Attention of SC/SCT on the test sequence: spatial (256 × 256), channel (8 × 8), both averaged over the
/// spectra, and SCT's temporal attention between the spectra (L × L, averaged over heads).</item>
/// </list>
/// Only for the spectra networks of this family (xy-spectra → … → sct-attention etc.).
/// </summary>
public sealed class SpectraInsightReporter : ReporterPlugin<SpectraInsightReporter.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("write the gradient feature importance")]
        public bool Importance { get; init; } = true;

        [Parameter("write the attention matrices (SC/SCT only)")]
        public bool Attention { get; init; } = true;

        [Parameter("pixels per matrix cell in the heatmaps (0 = chosen so a map is about 512 pixels wide)", Min = 0, Max = 64)]
        public int CellPixels { get; init; }
    }

    public override string Name => "spectra-insight";
    public override string Description => "gradient feature importance (training set) and SC/SCT attention matrices (test sequence) as CSV + PNG heatmaps";

    protected override void Report(RunOutcome outcome, Options options, RunContext context)
    {
        if (outcome.Model is not TrainedSpectraModel model)
            throw new InvalidOperationException($"{options.Step}: needs a model of the spectra family (sct-attention, sc-attention, spectra-*), not {outcome.Model.GetType().Name}");
        int cellPixels = options.CellPixels;
        if (options.Importance)
        {
            if (outcome.Train.Count == 0) throw new InvalidDataException($"{options.Step}: no training spectra for the feature importance");
            var gradients = model.InputGradients(outcome.Train);
            int rows = gradients.GetLength(0), points = gradients.GetLength(1);
            var (first, step) = Grid(outcome.Train, points);
            var csv = new StringBuilder("point,two_theta,gradient_sum,abs_gradient_sum\n");
            for (int j = 0; j < points; j++)
            {
                double sum = 0, abs = 0;
                for (int i = 0; i < rows; i++) { sum += gradients[i, j]; abs += Math.Abs(gradients[i, j]); }
                csv.Append(j).Append(',').Append(first is { } f ? (f + j * step).ToString("F5", CultureInfo.InvariantCulture) : "")
                   .Append(',').Append(sum.ToString("G7", CultureInfo.InvariantCulture)).Append(',').Append(abs.ToString("G7", CultureInfo.InvariantCulture)).Append('\n');
            }
            context.Artifacts.WriteText("insight/feature-importance.csv", csv.ToString());
            var magnitude = new float[rows, points];
            for (int i = 0; i < rows; i++) for (int j = 0; j < points; j++) magnitude[i, j] = MathF.Abs(gradients[i, j]);
            context.Artifacts.Write("insight/feature-importance.png", s => Heatmap.Write(s, magnitude, 1, Math.Max(2, 256 / rows), maxColumns: 1024, upperQuantile: 0.995));
            context.Log.Info($"Wrote insight/feature-importance.csv/.png (input gradients of {rows} training spectra × {points} points)");
        }
        if (options.Attention)
        {
            if (model.Network is not SctNetwork)
            {
                context.Log.Info($"{options.Step}: {model.Options.Model} has no attention maps to write");
                return;
            }
            var (spatial, channel, temporal) = model.Attention(outcome.Test);
            Matrix(context, "spatial", spatial, cellPixels);
            Matrix(context, "channel", channel, cellPixels);
            Matrix(context, "temporal", temporal, cellPixels);
        }
    }

    static (double? First, double Step) Grid(TimeSeriesDataset data, int points)
    {
        var m = data.Samples[0].Metadata;
        if (m.TryGetValue("two_theta_first", out var a) && m.TryGetValue("two_theta_last", out var b) && points > 1)
        {
            double first = double.Parse(a, CultureInfo.InvariantCulture), last = double.Parse(b, CultureInfo.InvariantCulture);
            return (first, (last - first) / (points - 1));
        }
        return (null, 0);
    }

    static void Matrix(RunContext context, string name, float[,]? values, int cellPixels)
    {
        if (values is null) return;
        int rows = values.GetLength(0), columns = values.GetLength(1);
        var csv = new StringBuilder();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                if (c > 0) csv.Append(',');
                csv.Append(values[r, c].ToString("G6", CultureInfo.InvariantCulture));
            }
            csv.Append('\n');
        }
        context.Artifacts.WriteText($"insight/attention-{name}.csv", csv.ToString());
        int cell = cellPixels > 0 ? cellPixels : Math.Max(1, 512 / Math.Max(rows, columns));
        context.Artifacts.Write($"insight/attention-{name}.png", s => Heatmap.Write(s, values, cell, cell));
        context.Log.Info($"Wrote insight/attention-{name}.csv/.png ({rows} × {columns})");
    }
}
