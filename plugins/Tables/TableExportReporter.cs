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
public sealed class TableExportReporter : ReporterPlugin<TableExportReporter.Options>
{
    /// <summary>csv (people, spreadsheets), parquet (tools) or both.</summary>
    public enum ExportFormat { Csv, Parquet, Both }

    public sealed record Options : PluginOptions
    {
        [Parameter("folder in the run directory for the tables", Path = PathKind.RunOutput)]
        public string Folder { get; init; } = "data";

        [Parameter("csv (people, spreadsheets), parquet (tools) or both")]
        public ExportFormat Format { get; init; } = ExportFormat.Csv;

        [Parameter("also write the metadata every sample has (coordinates, dates, record names…) as columns")]
        public bool Metadata { get; init; } = true;

    }

    public override string Name => "table-export";
    public override string Description => "the prepared data (after preprocessing) as wide CSV/Parquet tables that sample-table reads back";

    // Unescaped so the regular expression reads as written ("(?<band>…)", not "\u003C").
    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    protected override void Report(RunOutcome outcome, Options options, RunContext context)
    {
        var folder = options.Folder;
        bool metadata = options.Metadata;

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
            context.Log.Warn($"{options.Step}: no final pipeline (final_fit: false), writing the data as loaded, before preprocessing");
        }

        var files = new List<object>();
        string? pattern = null;
        foreach (var (name, data) in sets)
        {
            var table = WideTable.Of(data, metadata, $"{options.Step}: the {name} set");
            pattern ??= table.ColumnPattern;
            foreach (var extension in Extensions(options.Format))
            {
                var relative = $"{folder}/{name}.{extension}";
                context.Artifacts.Write(relative, stream =>
                {
                    if (extension == "csv") WideTableWriter.WriteCsv(table, stream);
                    else WideTableWriter.WriteParquet(table, stream);
                });
                files.Add(new { file = relative, set = name, rows = data.Count, value_columns = table.ValueColumns.Count, metadata_columns = table.MetadataColumns });
                context.Log.Info($"{options.Step}: wrote {relative} ({data.Count} rows × {table.ValueColumns.Count} values: " +
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

    static string[] Extensions(ExportFormat format) => format switch
    {
        ExportFormat.Both => ["csv", "parquet"],
        ExportFormat.Parquet => ["parquet"],
        _ => ["csv"],
    };
}
