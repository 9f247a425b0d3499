using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Pipeline.Engine.Outputs;

/// <summary>
/// Writes per-sample predictions: id, true label, predicted label and one probability column per class
/// (<c>p_CLASS</c>), as CSV for people and Parquet for tools.
/// </summary>
public static class PredictionWriter
{
    /// <summary>The series' class, or the label the model does not know (kept in metadata), or null when unlabelled.</summary>
    static string? TrueLabel(TimeSeriesSample s, ClassLabels classes) =>
        s.Label >= 0 ? classes[s.Label] : s.Metadata.GetValueOrDefault(TimeSeriesSample.UnknownLabelKey);

    public static void WriteCsv(IArtifactWriter artifacts, string name, TimeSeriesDataset data, ProbabilityMatrix probabilities)
    {
        var predicted = probabilities.ArgMax();
        var classes = probabilities.Classes;
        artifacts.Write(name, stream =>
        {
            using var w = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
            w.Write("id,label,predicted");
            foreach (var c in classes.Names) w.Write(",p_" + CsvField.Quote(c));
            w.WriteLine();
            for (int i = 0; i < probabilities.Rows; i++)
            {
                var s = data.Samples[i];
                w.Write(CsvField.Quote(s.Id));
                w.Write(',');
                w.Write(CsvField.Quote(TrueLabel(s, classes) ?? ""));
                w.Write(',');
                w.Write(CsvField.Quote(classes[predicted[i]]));
                foreach (var p in probabilities.Row(i))
                {
                    w.Write(',');
                    w.Write(p.ToString("R", CultureInfo.InvariantCulture));
                }
                w.WriteLine();
            }
        });
    }

    public static void WriteParquet(IArtifactWriter artifacts, string name, TimeSeriesDataset data, ProbabilityMatrix probabilities)
    {
        var predicted = probabilities.ArgMax();
        var classes = probabilities.Classes;
        int n = probabilities.Rows, k = classes.Count;

        var idField = new DataField<string>("id");
        var labelField = new DataField<string>("label", true);
        var predictedField = new DataField<string>("predicted");
        var probFields = classes.Names.Select(c => new DataField<float>("p_" + c)).ToArray();
        var schema = new ParquetSchema(new Field[] { idField, labelField, predictedField }.Concat(probFields));

        var ids = new string[n];
        var labels = new string?[n];
        var preds = new string[n];
        for (int i = 0; i < n; i++)
        {
            var s = data.Samples[i];
            ids[i] = s.Id;
            labels[i] = TrueLabel(s, classes);
            preds[i] = classes[predicted[i]];
        }
        var column = new float[n];

        artifacts.Write(name, stream =>
        {
            // Parquet.Net is asynchronous only; this runs on a worker thread with no synchronisation context.
            Task.Run(async () =>
            {
                await using var writer = await ParquetWriter.CreateAsync(schema, stream);
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(idField, ids);
                await group.WriteAsync(labelField, labels!);
                await group.WriteAsync(predictedField, preds);
                for (int c = 0; c < k; c++)
                {
                    for (int i = 0; i < n; i++) column[i] = probabilities.Values[i * k + c];
                    await group.WriteAsync<float>(probFields[c], column.AsMemory());
                }
            }).GetAwaiter().GetResult();
        });
    }
}
