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
