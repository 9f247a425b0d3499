namespace LstmFcn.Plugins.Tables;

/// <summary>
/// The wide layout: one row per sample. Value columns are those whose name matches the column pattern; its named
/// groups <c>band</c> and <c>time</c> say which channel and which time step a column holds (sits: <c>NDVI_t01</c>).
/// Bands are kept in the order given (or of their first column); time steps in the order of the first band's columns,
/// and every band must have the same time steps. Every other column (coordinates, dates, original id) becomes sample
/// metadata.
/// </summary>
public static class WideTableLayout
{
    /// <summary>The channel name of value columns when the pattern has no <c>band</c> group.</summary>
    public const string SingleBand = "value";

    /// <param name="channels">Bands to read (in this order), e.g. the training table's; null: as the options say.</param>
    /// <param name="times">Time keys to read (a test table must match its training table); null: as found.</param>
    public static TableSamples Read(SampleTable table, SampleTableOptions options, string split,
        IReadOnlyList<string>? channels = null, IReadOnlyList<string>? times = null, bool labelsOptional = false)
    {
        int label = labelsOptional ? table.IndexOf(options.LabelColumn) : ColumnLookup.Require(table, options.LabelColumn, "label", "label_column");
        int id = ColumnLookup.Find(table, options.IdColumn, SampleTableOptions.IdCandidates, "id", "id_column");

        var pattern = options.ColumnRegex();
        // band -> (time key -> column), in order of appearance.
        var bandOrder = new List<string>();
        var columnsOf = new Dictionary<string, List<(string Time, int Column)>>(StringComparer.Ordinal);
        var valueColumns = new HashSet<int>();
        for (int c = 0; c < table.Columns.Count; c++)
        {
            if (c == label || c == id) continue;
            var m = pattern.Match(table.Columns[c].Name);
            if (!m.Success) continue;
            var band = m.Groups.TryGetValue("band", out var b) && b.Success ? b.Value : SingleBand;
            var time = m.Groups.TryGetValue("time", out var t) && t.Success ? t.Value : table.Columns[c].Name;
            if (!columnsOf.TryGetValue(band, out var list))
            {
                columnsOf[band] = list = new List<(string, int)>();
                bandOrder.Add(band);
            }
            foreach (var (existing, other) in list)
                if (existing == time)
                    throw new TableFormatException(table.HeaderLocation(c),
                        $"columns '{table.Columns[other].Name}' and '{table.Columns[c].Name}' both hold band '{band}' at time '{time}' " +
                        $"(column_pattern '{options.ColumnPattern}')");
            list.Add((time, c));
            valueColumns.Add(c);
        }
        if (bandOrder.Count == 0)
            throw new TableFormatException(table.HeaderLocation(),
                $"no value columns: no column name matches column_pattern '{options.ColumnPattern}'. The columns are: {table.ColumnList()}");

        var selected = channels ?? (options.Bands.Count > 0 ? options.Bands : bandOrder);
        foreach (var band in selected)
            if (!columnsOf.ContainsKey(band))
                throw new TableFormatException(table.HeaderLocation(),
                    $"no value columns for band '{band}' (column_pattern '{options.ColumnPattern}' finds band(s) {string.Join(", ", bandOrder)})");

        var timeKeys = times ?? columnsOf[selected[0]].Select(x => x.Time).ToList();
        var layout = new int[selected.Count * timeKeys.Count]; // column of (channel, time), channel-major like the values
        for (int ch = 0; ch < selected.Count; ch++)
        {
            var byTime = columnsOf[selected[ch]].ToDictionary(x => x.Time, x => x.Column, StringComparer.Ordinal);
            for (int t = 0; t < timeKeys.Count; t++)
            {
                if (!byTime.Remove(timeKeys[t], out var column))
                    throw new TableFormatException(table.HeaderLocation(),
                        $"band '{selected[ch]}' has no column for time '{timeKeys[t]}' " +
                        (times is null ? $"(band '{selected[0]}' has one); every band needs the same time steps"
                                       : "(the training table has one); test and training tables need the same columns"));
                layout[ch * timeKeys.Count + t] = column;
            }
            if (byTime.Count > 0)
            {
                var extra = byTime.OrderBy(kv => kv.Value).First();
                throw new TableFormatException(table.HeaderLocation(extra.Value),
                    $"band '{selected[ch]}' has a column for time '{extra.Key}' ('{table.Columns[extra.Value].Name}') that " +
                    (times is null ? $"band '{selected[0]}' lacks; every band needs the same time steps"
                                   : "the training table lacks; test and training tables need the same columns"));
            }
        }

        var scaling = new ChannelScaling(options.Scale, options.Offset, selected, options.Step);
        var metadataColumns = Enumerable.Range(0, table.Columns.Count).Where(c => c != label && !valueColumns.Contains(c)).ToArray();
        var source = Path.GetFileName(table.Path);
        var firstRowOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var samples = new RawSample[table.RowCount];
        for (int r = 0; r < table.RowCount; r++)
        {
            var labelText = LongTableLayout.LabelOf(table, r, label, labelsOptional);
            string sampleId = $"{split}-{r}";
            if (id >= 0)
            {
                sampleId = table.RequiredText(r, id, "sample id");
                if (!firstRowOfId.TryAdd(sampleId, r))
                    throw new TableFormatException(table.Location(r, id),
                        $"sample id '{sampleId}' appears twice (first at {table.RowLocation(firstRowOfId[sampleId])}); " +
                        "the wide layout has one row per sample");
            }
            var values = new float[layout.Length];
            for (int i = 0; i < layout.Length; i++)
            {
                int ch = i / timeKeys.Count;
                values[i] = scaling.Apply(ch, table.Number(r, layout[i], $"band {selected[ch]}, time {timeKeys[i % timeKeys.Count]}"));
            }
            var metadata = new Dictionary<string, string>(metadataColumns.Length + 2, StringComparer.Ordinal);
            foreach (var c in metadataColumns) metadata[table.Columns[c].Name] = table.Columns[c].Text(r);
            metadata["source"] = source;
            metadata[table.HasLines ? "line" : "row"] = table.LineOf(r).ToString();
            samples[r] = new RawSample(sampleId, labelText, values, selected.Count, metadata, table.RowLocation(r));
        }
        return new TableSamples(samples, selected.ToList(), timeKeys.ToList());
    }
}
