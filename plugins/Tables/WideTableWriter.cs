using Parquet;
using Parquet.Schema;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Plugins.Tables;

/// <summary>Writes a <see cref="WideTable"/> as CSV (for people and spreadsheets) or Parquet (for tools).</summary>
public static class WideTableWriter
{
    public static void WriteCsv(WideTable table, Stream stream)
    {
        var data = table.Data;
        using var csv = new WideCsvWriter(stream, table.ValueColumns.Concat(table.MetadataColumns));
        foreach (var s in data.Samples)
        {
            csv.Row(s.Id, s.Label >= 0 ? data.Classes[s.Label] : "");
            foreach (var v in s.Values) csv.Number(v);
            foreach (var c in table.MetadataColumns) csv.Text(s.Metadata[c]);
        }
    }

    public static void WriteParquet(WideTable table, Stream stream)
    {
        var data = table.Data;
        int n = data.Count;
        var idField = new DataField<string>("id");
        var labelField = new DataField<string>("label", true);
        var valueFields = table.ValueColumns.Select(c => new DataField<float>(c)).ToArray();
        var metadataFields = table.MetadataColumns.Select(c => new DataField<string>(c)).ToArray();
        var schema = new ParquetSchema(new Field[] { idField, labelField }.Concat(valueFields).Concat(metadataFields));
        var ids = new string[n];
        var labels = new string?[n];
        for (int i = 0; i < n; i++)
        {
            var s = data.Samples[i];
            ids[i] = s.Id;
            labels[i] = s.Label >= 0 ? data.Classes[s.Label] : null;
        }
        var column = new float[n];
        var texts = new string[n];
        // Parquet.Net is asynchronous only; run it on a worker thread so no synchronisation context can deadlock it.
        Task.Run(async () =>
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(idField, ids);
            await group.WriteAsync(labelField, labels!);
            for (int f = 0; f < valueFields.Length; f++)
            {
                for (int i = 0; i < n; i++) column[i] = data.Samples[i].Values[f];
                await group.WriteAsync<float>(valueFields[f], column.AsMemory());
            }
            for (int m = 0; m < metadataFields.Length; m++)
            {
                for (int i = 0; i < n; i++) texts[i] = data.Samples[i].Metadata[table.MetadataColumns[m]];
                await group.WriteAsync(metadataFields[m], texts);
            }
        }).GetAwaiter().GetResult();
    }
}
