using System.Globalization;
using System.Text;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Reports;

/// <summary>
/// <c>attention</c>: writes <c>attention.csv</c> — one row per scored series (the test set, or every series of a
/// cross-validation through its final model): the series id and the model's attention weights
/// (<see cref="IAttentionWeights"/>; ALSTM-FCN: α over time steps, or the context's contribution per feature in the
/// dimension-shuffled view). Explanations are computed here, once, for the data the run scored: prediction itself
/// writes nothing, so maps and new data never overwrite this file. Place it before <c>report</c>, which shows it.
/// </summary>
public sealed class AttentionReporter : ReporterPlugin<AttentionReporter.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("name of the CSV file in the run directory", Path = PathKind.RunOutput)]
        public string File { get; init; } = "attention.csv";
    }

    public override string Name => "attention";
    public override string Description => "attention.csv: the model's attention weights per scored series (ALSTM-FCN)";

    protected override void Report(RunOutcome outcome, Options options, RunContext context)
    {
        if (outcome.Model is not IAttentionWeights attention)
        {
            context.Log.Info($"attention: the model ({outcome.Model.GetType().Name}) has no attention weights to export");
            return;
        }
        if (attention.AttentionUnavailableReason is { } reason)
        {
            context.Log.Info($"attention: nothing to export: {reason}");
            return;
        }
        // Holdout: the test set as the model saw it. Cross-validation: the pooled series as loaded, prepared by the
        // final pipeline (fitted on all of them).
        var data = outcome.Evaluation == "holdout" ? outcome.Test : outcome.Pipeline?.Prepare(outcome.Test);
        if (data is null || data.Count == 0)
        {
            context.Log.Info("attention: no scored series, or no final model to explain them with (evaluate.final_fit: false)");
            return;
        }
        var rows = attention.AttentionWeights(data, context);
        int width = rows.Length == 0 ? 0 : rows[0].Length;
        var text = new StringBuilder("id");
        for (int j = 0; j < width; j++) text.Append(',').Append(attention.AttentionColumn).Append(j.ToString(CultureInfo.InvariantCulture));
        text.Append('\n');
        for (int i = 0; i < rows.Length; i++)
        {
            text.Append(LstmFcn.Pipeline.Files.CsvField.Quote(data.Samples[i].Id));
            foreach (var v in rows[i]) text.Append(',').Append(v.ToString("R", CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        context.Artifacts.WriteText(options.File, text.ToString());
        context.Log.Info($"attention: wrote {options.File} ({rows.Length} series × {width} {attention.AttentionColumn} values)");
    }
}
