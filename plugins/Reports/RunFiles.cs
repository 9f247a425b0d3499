using System.Globalization;
using LstmFcn.Pipeline;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Plugins.Reports;

/// <summary>Reads the CSV files other plugins leave in the run directory (attention, feature importance).</summary>
static class RunFiles
{
    /// <summary>Rows of a comma-separated file with a header (the shared <see cref="CsvReader"/>: quoted fields may hold commas and doubled quotes).</summary>
    public static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        var file = CsvReader.Read(path, new CsvOptions { Delimiter = ',' });
        if (file.HeaderRecord is null) throw new InvalidDataException($"{path}: empty file, expected a header line");
        return (file.Header, file.Rows.Select(r => r.Cells).ToList());
    }

    public static double Number(string text, string path, int line, string column) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
            : throw new InvalidDataException($"{path}:{line}: column '{column}' must be a number, found '{text}'");

    /// <summary>history.csv as the engine writes it (epoch, round, train_loss, train_accuracy, val_loss, val_accuracy, learning_rate, seconds).</summary>
    public static List<EpochRecord> ReadHistory(string path)
    {
        var (header, rows) = ReadCsv(path);
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i
            : throw new InvalidDataException($"{path}: no column '{name}' (has {string.Join(", ", header)})");
        int epoch = Column("epoch"), round = Column("round"), loss = Column("train_loss"), accuracy = Column("train_accuracy"),
            valLoss = Column("val_loss"), valAccuracy = Column("val_accuracy"), rate = Column("learning_rate"), seconds = Column("seconds");
        double Value(string[] row, int column, int r) => row[column].Length == 0 ? double.NaN : Number(row[column], path, r + 2, header[column]);
        return rows.Select((row, r) => new EpochRecord((int)Value(row, epoch, r), Value(row, loss, r), Value(row, accuracy, r),
            Value(row, valLoss, r), Value(row, valAccuracy, r), Value(row, rate, r), Value(row, seconds, r), (int)Value(row, round, r))).ToList();
    }

    /// <summary>attention.csv: an id column, then one value per time step (alpha_t…) or per feature (context_f…).</summary>
    public static (string Kind, List<double[]> Rows) ReadAttention(string path)
    {
        var (header, rows) = ReadCsv(path);
        if (header.Length < 2 || header[0] != "id") throw new InvalidDataException($"{path}: expected columns id, alpha_t0… or context_f0…");
        var kind = header[1].StartsWith("alpha_t", StringComparison.Ordinal) ? "attention weight α over time steps" : "context contribution per feature";
        var values = rows.Select((row, r) => row.Skip(1).Select((v, j) => Number(v, path, r + 2, header[j + 1])).ToArray()).ToList();
        return (kind, values);
    }

    /// <summary>feature-importance.csv: feature, channel, time_index, time, importance — regrouped per channel.</summary>
    public static (List<(string Channel, double[] Values)> Channels, List<string> TimeNames) ReadImportance(string path)
    {
        var (header, rows) = ReadCsv(path);
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i
            : throw new InvalidDataException($"{path}: no column '{name}' (has {string.Join(", ", header)})");
        int channelCol = Column("channel"), timeIndexCol = Column("time_index"), timeCol = Column("time"), importanceCol = Column("importance");
        var byChannel = new List<(string Channel, SortedDictionary<int, double> Values)>();
        var timeNames = new SortedDictionary<int, string>();
        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            int t = (int)Number(row[timeIndexCol], path, r + 2, "time_index");
            var entry = byChannel.FirstOrDefault(c => c.Channel == row[channelCol]);
            if (entry.Values is null) byChannel.Add(entry = (row[channelCol], new SortedDictionary<int, double>()));
            entry.Values[t] = Number(row[importanceCol], path, r + 2, "importance");
            timeNames[t] = row[timeCol];
        }
        if (byChannel.Count == 0) throw new InvalidDataException($"{path}: no feature rows");
        int length = timeNames.Count;
        return (byChannel.Select(c => (c.Channel, Enumerable.Range(0, length).Select(t => c.Values.GetValueOrDefault(timeNames.Keys.ElementAt(t))).ToArray())).ToList(),
            timeNames.Values.ToList());
    }
}
