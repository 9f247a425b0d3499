using System.Globalization;

namespace LstmFcn.Plugins.Tables;

/// <summary>
/// The long layout: one row per (sample, time), the bands in columns (sits: <c>id_sample, label, …, Index, NDVI, EVI,
/// NIR, MIR</c>). Rows are grouped by the id column (a sample's rows need not be adjacent) and ordered by the time
/// column: numerically when both times are numbers, otherwise as text, which orders ISO dates. Columns other than id,
/// label, time and the bands are sample metadata, taken from the sample's first row; the sample's times are kept as
/// metadata <c>times</c>. Samples may differ in length.
/// </summary>
public static class LongTableLayout
{
    public static TableSamples Read(SampleTable table, SampleTableOptions options, IReadOnlyList<string>? channels = null, bool labelsOptional = false)
    {
        // New series to predict may come without labels: no label column, or empty cells.
        int label = labelsOptional ? table.IndexOf(options.LabelColumn) : ColumnLookup.Require(table, options.LabelColumn, "label", "label_column");
        int id = ColumnLookup.Find(table, options.IdColumn, SampleTableOptions.IdCandidates, "id", "id_column");
        if (id < 0)
            throw new TableFormatException(table.HeaderLocation(),
                $"the long layout needs an id column naming the sample of each row: set id_column (tried {string.Join(", ", SampleTableOptions.IdCandidates)}). " +
                $"The columns are: {table.ColumnList()}");
        int time = ColumnLookup.Find(table, options.TimeColumn, SampleTableOptions.TimeCandidates, "time", "time_column");
        if (time < 0)
            throw new TableFormatException(table.HeaderLocation(),
                $"the long layout needs a time column: set time_column (tried {string.Join(", ", SampleTableOptions.TimeCandidates)}). " +
                $"The columns are: {table.ColumnList()}");

        var bands = channels ?? options.Bands;
        if (bands.Count == 0)
        {
            var others = table.Columns.Where((_, c) => c != label && c != id && c != time).Select(c => c.Name);
            throw new TableFormatException(table.HeaderLocation(),
                $"the long layout needs the band columns: set bands, e.g. bands: [{string.Join(", ", others.TakeLast(Math.Min(4, others.Count())))}] " +
                $"(columns other than id, label and time: {string.Join(", ", others)})");
        }
        var bandColumns = bands.Select(b => ColumnLookup.Require(table, b, "band", "bands")).ToArray();
        foreach (var c in bandColumns)
            if (c == label || c == id || c == time)
                throw new TableFormatException(table.HeaderLocation(c), $"column '{table.Columns[c].Name}' cannot be a band and the id, label or time column");

        // Group rows by sample id in order of first appearance; a sample keeps one label.
        var order = new List<string>();
        var rowsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int r = 0; r < table.RowCount; r++)
        {
            var sampleId = table.RequiredText(r, id, "sample id");
            var labelText = LabelOf(table, r, label, labelsOptional);
            if (!rowsOf.TryGetValue(sampleId, out var rows))
            {
                rowsOf[sampleId] = rows = new List<int>();
                order.Add(sampleId);
            }
            else if (LabelOf(table, rows[0], label, labelsOptional) is var first && first != labelText)
                throw new TableFormatException(table.Location(r, label),
                    $"sample '{sampleId}' has class '{labelText}' here and '{first}' at {table.RowLocation(rows[0])}; a sample has one class");
            rows.Add(r);
        }

        var scaling = new ChannelScaling(options.Scale, options.Offset, bands, options.Step);
        var metadataColumns = Enumerable.Range(0, table.Columns.Count)
            .Where(c => c != label && c != time && Array.IndexOf(bandColumns, c) < 0).ToArray();
        var source = Path.GetFileName(table.Path);
        var samples = new RawSample[order.Count];
        for (int s = 0; s < order.Count; s++)
        {
            var rows = rowsOf[order[s]];
            var byTime = rows.Select(r => (Time: table.RequiredText(r, time, "time"), Row: r)).ToList();
            byTime.Sort((a, b) => CompareTimes(a.Time, b.Time) is var c && c != 0 ? c : a.Row.CompareTo(b.Row));
            for (int t = 1; t < byTime.Count; t++)
                if (CompareTimes(byTime[t - 1].Time, byTime[t].Time) == 0)
                    throw new TableFormatException(table.Location(byTime[t].Row, time),
                        $"sample '{order[s]}' has a second row for time '{byTime[t].Time}' (first at {table.RowLocation(byTime[t - 1].Row)})");

            int length = byTime.Count;
            var values = new float[bands.Count * length];
            for (int ch = 0; ch < bands.Count; ch++)
                for (int t = 0; t < length; t++)
                    values[ch * length + t] = scaling.Apply(ch, table.Number(byTime[t].Row, bandColumns[ch], $"band {bands[ch]}"));

            var metadata = new Dictionary<string, string>(metadataColumns.Length + 3, StringComparer.Ordinal);
            foreach (var c in metadataColumns) metadata[table.Columns[c].Name] = table.Columns[c].Text(rows[0]);
            metadata["times"] = string.Join(";", byTime.Select(x => x.Time));
            metadata["source"] = source;
            metadata[table.HasLines ? "line" : "row"] = table.LineOf(rows[0]).ToString();
            samples[s] = new RawSample(order[s], (label < 0 ? "" : table.Columns[label].Text(rows[0]).Trim()), values, bands.Count, metadata,
                table.RowLocation(rows[0]));
        }
        return new TableSamples(samples, bands.ToList(), Times: null);
    }

    static int CompareTimes(string a, string b) =>
        double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) &&
        double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : string.CompareOrdinal(a, b);

    /// <summary>A row's class label; with optional labels an absent column or an empty cell is "" (unlabelled).</summary>
    internal static string LabelOf(SampleTable table, int row, int label, bool optional) =>
        !optional ? table.RequiredText(row, label, "class label") : label < 0 ? "" : table.Columns[label].Text(row).Trim();
}
