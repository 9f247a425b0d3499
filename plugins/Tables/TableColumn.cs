using System.Globalization;

namespace LstmFcn.Plugins.Tables;

/// <summary>One named column of a <see cref="SampleTable"/>: every row's cell, readable as text or as a number.</summary>
public abstract class TableColumn
{
    protected TableColumn(string name) => Name = name;

    public string Name { get; }

    /// <summary>An empty cell, <c>NA</c> or a Parquet null.</summary>
    public abstract bool IsMissing(int row);

    /// <summary>The cell as text (numbers in invariant culture, dates as ISO 8601).</summary>
    public abstract string Text(int row);

    /// <summary>The cell as a number; false when it is missing or not a number. "NaN" reads as NaN.</summary>
    public abstract bool TryNumber(int row, out double value);
}

/// <summary>Cells kept as the text the file holds (CSV, and non-numeric Parquet columns).</summary>
public sealed class TextColumn : TableColumn
{
    readonly string[] _cells;

    public TextColumn(string name, string[] cells) : base(name) => _cells = cells;

    public override bool IsMissing(int row) => IsMissingText(_cells[row]);

    public override string Text(int row) => _cells[row];

    public override bool TryNumber(int row, out double value)
    {
        var text = _cells[row].AsSpan().Trim();
        if (IsMissingText(_cells[row])) { value = double.NaN; return false; }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    // R writes NA for missing values; other tools leave the cell empty.
    static bool IsMissingText(string cell) => cell.AsSpan().Trim() is { Length: 0 } or "NA";
}

/// <summary>A numeric Parquet column, kept as numbers (no round trip through text).</summary>
public sealed class NumberColumn : TableColumn
{
    readonly double[] _values;
    readonly bool[]? _missing;

    public NumberColumn(string name, double[] values, bool[]? missing) : base(name) => (_values, _missing) = (values, missing);

    public override bool IsMissing(int row) => _missing is not null && _missing[row];

    public override string Text(int row) => IsMissing(row) ? "" : _values[row].ToString("R", CultureInfo.InvariantCulture);

    public override bool TryNumber(int row, out double value)
    {
        value = _values[row];
        return !IsMissing(row);
    }
}
