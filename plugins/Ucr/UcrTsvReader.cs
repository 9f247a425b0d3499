namespace LstmFcn.Plugins.Ucr;

/// <summary>
/// Reads the UCR 2018 archive's <c>.tsv</c> layout: one series per line, the class label first, values separated by
/// tabs (older archive files use commas or spaces: detected from the first line). Trailing NaNs pad shorter series
/// in unequal-length sets and are trimmed; separators after the last value are ignored. Unlabelled files (new series
/// to predict) hold values only: their series have an empty label.
/// </summary>
public static class UcrTsvReader
{
    public static List<RawSeries> Read(string path, bool labelled = true)
    {
        var series = new List<RawSeries>();
        int expectedCells = -1;
        char[]? separators = null;
        int lineNumber = 0;
        foreach (var rawLine in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(rawLine)) continue;
            // Trailing separators (a tab or comma after the last value, as some exporters write) end the line, they
            // are not empty values; an empty field between values still is an error.
            var line = rawLine.TrimEnd();
            separators ??= line.Contains('\t') ? new[] { '\t' } : line.Contains(',') ? new[] { ',' } : new[] { ' ' };
            var cells = WithoutTrailingEmpty(line.Split(separators, separators[0] == ' ' ? StringSplitOptions.RemoveEmptyEntries : StringSplitOptions.None));
            int first = labelled ? 1 : 0;
            if (cells.Length < first + 1)
                throw new DataFormatException(path, lineNumber, labelled ? "expected a class label followed by at least one value" : "expected at least one value");
            if (expectedCells < 0) expectedCells = cells.Length;
            else if (cells.Length != expectedCells)
                throw new DataFormatException(path, lineNumber,
                    $"ragged row: {cells.Length - first} values where earlier rows have {expectedCells - first} (pad unequal lengths with NaN)");

            var label = labelled ? NormaliseLabel(cells[0].Trim()) : "";
            if (labelled && label.Length == 0) throw new DataFormatException(path, lineNumber, "empty class label", 1);
            var values = new float[cells.Length - first];
            for (int i = first; i < cells.Length; i++)
                if (!NumberCell.TryParse(cells[i], out values[i - first]))
                    throw new DataFormatException(path, lineNumber, $"value '{cells[i]}' is not a number", i + 1);

            int length = values.Length;
            while (length > 0 && float.IsNaN(values[length - 1])) length--;
            if (length == 0) throw new DataFormatException(path, lineNumber, "the series has no values (all NaN)");
            series.Add(new RawSeries(label, length == values.Length ? values : values[..length], 1, lineNumber));
        }
        if (series.Count == 0) throw new DataFormatException(path, 0, "the file is empty: expected one series per line");
        return series;
    }

    static string[] WithoutTrailingEmpty(string[] cells)
    {
        int count = cells.Length;
        while (count > 1 && cells[count - 1].Trim().Length == 0) count--;
        return count == cells.Length ? cells : cells[..count];
    }

    /// <summary>"1.0000000e+00" and "1" name the same class in old UCR files.</summary>
    static string NormaliseLabel(string label) =>
        double.TryParse(label, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
        && d == Math.Floor(d) && Math.Abs(d) < 1e9
            ? ((long)d).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : label;
}
