using System.Text.Encodings.Web;
using System.Text.Json;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Tables;

/// <summary>
/// <c>table-export</c>: writes the data as the model saw it — after every preprocessing step (z-normalisation, ECG
/// features, spectrogram, …) — as wide tables that the <c>sample-table</c> loader reads back, so features computed
/// here can be taken to R, Python or a spreadsheet, or fed to another pipeline without recomputing them.
/// A holdout run writes <c>train</c> and <c>test</c>; a cross-validated run writes <c>all</c>, prepared by the final
/// pipeline (fitted preprocessing such as z-normalisation then uses statistics of every sample; without
/// <c>final_fit</c> there is no single fitted preprocessing and the loaded data is written as it came).
/// <c>export.json</c> beside the tables gives the loader settings that read them back.
/// </summary>
public sealed class TableExportReporter : IReporterPlugin
{
    public string Name => "table-export";
    public string Description => "the prepared data (after preprocessing) as wide CSV/Parquet tables that sample-table reads back";

    public IReadOnlyList<ParameterSpec> Parameters { get; } = new[]
    {
        ParameterSpec.Text("folder", "data", "folder in the run directory for the tables"),
        ParameterSpec.Choice("format", "csv", "csv (people, spreadsheets), parquet (tools) or both", "csv", "parquet", "both"),
        ParameterSpec.Bool("metadata", true, "also write the metadata every sample has (coordinates, dates, record names…) as columns"),
    };

    // Unescaped so the regular expression reads as written ("(?<band>…)", not "\u003C").
    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Report(RunOutcome outcome, PluginArguments args, RunContext context)
    {
        var folder = args.GetString("folder");
        var format = args.GetString("format");
        bool metadata = args.GetBool("metadata");

        var sets = new List<(string Name, TimeSeriesDataset Data)>();
        string prepared;
        if (outcome.Evaluation == "holdout")
        {
            sets.Add(("train", outcome.Train));
            if (outcome.Test.Count > 0) sets.Add(("test", outcome.Test));
            prepared = "by the fitted preprocessing (its evaluation transform; training-only steps such as augment add no copies here)";
        }
        else if (outcome.Pipeline is { } final)
        {
            sets.Add(("all", final.Prepare(outcome.Test)));
            prepared = $"by the final pipeline fitted on every sample ({outcome.Evaluation})";
        }
        else
        {
            sets.Add(("all", outcome.Test));
            prepared = $"not: {outcome.Evaluation} without final_fit fits preprocessing per fold only, so these are the loaded data";
            context.Log.Warn($"{args.StepName}: no final pipeline (final_fit: false), writing the data as loaded, before preprocessing");
        }

        var files = new List<object>();
        string? pattern = null;
        foreach (var (name, data) in sets)
        {
            var table = WideTable.Of(data, metadata, $"{args.StepName}: the {name} set");
            pattern ??= table.ColumnPattern;
            foreach (var extension in format == "both" ? new[] { "csv", "parquet" } : new[] { format })
            {
                var relative = $"{folder}/{name}.{extension}";
                context.Artifacts.Write(relative, stream =>
                {
                    if (extension == "csv") WideTableWriter.WriteCsv(table, stream);
                    else WideTableWriter.WriteParquet(table, stream);
                });
                files.Add(new { file = relative, set = name, rows = data.Count, value_columns = table.ValueColumns.Count, metadata_columns = table.MetadataColumns });
                context.Log.Info($"{args.StepName}: wrote {relative} ({data.Count} rows × {table.ValueColumns.Count} values: " +
                                 $"{table.Channels.Count} channel(s) × {table.Times.Count} steps)");
            }
        }

        var info = new
        {
            pipeline = outcome.PipelineName,
            evaluation = outcome.Evaluation,
            prepared,
            files,
            // The loader step that reads a table back.
            read_back = new { plugin = "sample-table", with = new { layout = "wide", label_column = "label", id_column = "id", column_pattern = pattern } },
        };
        context.Artifacts.WriteText($"{folder}/export.json", JsonSerializer.Serialize(info, Json));
    }
}
