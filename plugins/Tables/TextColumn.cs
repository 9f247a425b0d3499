using System.Globalization;

namespace LstmFcn.Plugins.Tables;

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
