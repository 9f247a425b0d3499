namespace LstmFcn.Plugins.Ucr;

/// <summary>
/// Reads sktime/UEA <c>.ts</c> files: a header of <c>@key value</c> lines up to <c>@data</c>, then one case per line,
/// dimensions separated by ':', values by ',', the class label last. Univariate and multivariate, equal or unequal
/// length; '?' marks a missing value. Time-stamped data (<c>@timeStamps true</c>) is not supported.
/// </summary>
public static class SktimeTsReader
{
    public static List<RawSeries> Read(string path)
    {
        var series = new List<RawSeries>();
        var declaredLabels = new HashSet<string>(StringComparer.Ordinal);
        bool hasLabels = false, inData = false;
        int? declaredDimensions = null;
        int lineNumber = 0;

        foreach (var rawLine in File.ReadLines(path))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (!inData)
            {
                if (line[0] != '@')
                    throw new DataFormatException(path, lineNumber, "expected a header line starting with '@' before @data");
                var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                switch (parts[0].ToLowerInvariant())
                {
                    case "@data": inData = true; break;
                    case "@timestamps" when parts.Length > 1 && parts[1].Equals("true", StringComparison.OrdinalIgnoreCase):
                        throw new DataFormatException(path, lineNumber, "time-stamped .ts data is not supported");
                    case "@classlabel":
                        hasLabels = parts.Length > 1 && parts[1].Equals("true", StringComparison.OrdinalIgnoreCase);
                        foreach (var l in parts.Skip(2)) declaredLabels.Add(l);
                        break;
                    case "@dimensions" or "@dimension":
                        if (parts.Length > 1 && int.TryParse(parts[1], out var d)) declaredDimensions = d;
                        break;
                }
                continue;
            }

            var fields = line.Split(':');
            string label = "";
            int dimensions = fields.Length;
            if (hasLabels)
            {
                label = fields[^1].Trim();
                dimensions--;
                if (label.Length == 0) throw new DataFormatException(path, lineNumber, "missing class label after the last ':'");
                if (declaredLabels.Count > 0 && !declaredLabels.Contains(label))
                    throw new DataFormatException(path, lineNumber,
                        $"class label '{label}' is not among those declared by @classLabel ({string.Join(" ", declaredLabels)})");
            }
            if (dimensions < 1) throw new DataFormatException(path, lineNumber, "no values before the class label");
            if (declaredDimensions is { } dd && dd != dimensions)
                throw new DataFormatException(path, lineNumber, $"{dimensions} dimensions where @dimensions says {dd}");
            if (series.Count > 0 && series[0].Channels != dimensions)
                throw new DataFormatException(path, lineNumber, $"{dimensions} dimensions where earlier cases have {series[0].Channels}");

            var channels = new float[dimensions][];
            for (int c = 0; c < dimensions; c++)
            {
                var cells = fields[c].Split(',');
                int count = cells.Length;
                while (count > 0 && cells[count - 1].Trim().Length == 0) count--; // a trailing comma
                var values = new float[count];
                for (int i = 0; i < count; i++)
                    if (!NumberCell.TryParse(cells[i], out values[i]))
                        throw new DataFormatException(path, lineNumber, $"dimension {c + 1}, value {i + 1}: '{cells[i]}' is not a number");
                channels[c] = values;
            }
            int length = channels[0].Length;
            if (length == 0) throw new DataFormatException(path, lineNumber, "a dimension has no values");
            for (int c = 1; c < dimensions; c++)
                if (channels[c].Length != length)
                    throw new DataFormatException(path, lineNumber,
                        $"dimension {c + 1} has {channels[c].Length} values, dimension 1 has {length}: all dimensions of a case must have the same length");

            var flat = new float[dimensions * length];
            for (int c = 0; c < dimensions; c++) channels[c].CopyTo(flat, c * length);
            series.Add(new RawSeries(label, flat, dimensions, lineNumber));
        }
        if (!inData) throw new DataFormatException(path, 0, series.Count == 0 && lineNumber == 0 ? "the file is empty" : "no @data line found");
        if (series.Count == 0) throw new DataFormatException(path, 0, "the file has no cases after @data");
        return series;
    }
}
