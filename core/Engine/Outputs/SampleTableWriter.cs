using LstmFcn.Pipeline.Files;
using System.Globalization;

namespace LstmFcn.Pipeline.Engine.Outputs;

/// <summary>
/// Series as a wide sample table — the layout the <c>sample-table</c> loader reads back: id, label, the samples'
/// metadata (coordinates, pixel column and row, dates, source), then one column per channel and time step named
/// <c>{channel}_t{NN}</c> with the channels' own names (NDVI, EVI, …), as sits_get_data names them. Series shorter
/// than the longest leave their last cells empty.
/// </summary>
public static class SampleTableWriter
{
    public static void WriteCsv(IArtifactWriter artifacts, string name, TimeSeriesDataset data)
    {
        var channels = data.ChannelNames() ?? Enumerable.Range(0, data.Channels).Select(c => $"ch{c}").ToList();
        var metadataKeys = data.Samples.SelectMany(s => s.Metadata.Keys).Distinct().Where(k => k is not ("id" or "label")).ToList();
        var valueColumns = channels.SelectMany(c => Enumerable.Range(1, data.MaxLength).Select(t => $"{c}_t{t.ToString("D2", CultureInfo.InvariantCulture)}"));
        artifacts.Write(name, stream =>
        {
            using var table = new WideCsvWriter(stream, metadataKeys.Concat(valueColumns));
            foreach (var s in data.Samples)
            {
                table.Row(s.Id, s.Label >= 0 ? data.Classes[s.Label] : "");
                foreach (var key in metadataKeys) table.Text(s.Metadata.GetValueOrDefault(key) ?? "");
                int length = s.Length;
                for (int c = 0; c < s.Channels; c++)
                    for (int t = 0; t < data.MaxLength; t++)
                        if (t < length) table.Number(s.Values[c * length + t]);
                        else table.Missing();
            }
        });
    }
}
