using System.Globalization;

namespace LstmFcn.Plugins.Tables;

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
