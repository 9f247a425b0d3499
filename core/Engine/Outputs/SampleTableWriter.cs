using LstmFcn.Pipeline.Files;
using System.Globalization;

namespace LstmFcn.Pipeline.Engine.Outputs;

/// <summary>
/// Series as a wide sample table — the layout the <c>sample-table</c> loader reads back: id, label, the samples'
/// metadata (coordinates, pixel column and row, dates, source), then one column per channel and time step named
/// <c>{channel}_t{NN}</c> with the channels' own names (NDVI, EVI, …).
/// </summary>
public static class SampleTableWriter
{
    public static void WriteCsv(IArtifactWriter artifacts, string name, TimeSeriesDataset data)
    {
        var channels = data.ChannelNames() ?? Enumerable.Range(0, data.Channels).Select(c => $"ch{c}").ToList();
        var metadataKeys = data.Samples.SelectMany(s => s.Metadata.Keys).Distinct().Where(k => k is not ("id" or "label")).ToList();
        artifacts.Write(name, stream =>
        {
            using var w = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
            w.Write("id,label");
            foreach (var key in metadataKeys) w.Write("," + CsvField.Quote(key));
            for (int c = 0; c < channels.Count; c++)
                for (int t = 0; t < data.MaxLength; t++) w.Write($",{CsvField.Quote(channels[c])}_t{(t + 1).ToString("D2", CultureInfo.InvariantCulture)}");
            w.WriteLine();
            foreach (var s in data.Samples)
            {
                w.Write(CsvField.Quote(s.Id));
                w.Write(',');
                w.Write(CsvField.Quote(s.Label >= 0 ? data.Classes[s.Label] : ""));
                foreach (var key in metadataKeys) w.Write("," + CsvField.Quote(s.Metadata.GetValueOrDefault(key) ?? ""));
                int length = s.Length;
                for (int c = 0; c < s.Channels; c++)
                    for (int t = 0; t < data.MaxLength; t++)
                    {
                        w.Write(',');
                        if (t < length) w.Write(s.Values[c * length + t].ToString("R", CultureInfo.InvariantCulture));
                    }
                w.WriteLine();
            }
        });
    }
}
