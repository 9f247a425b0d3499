using System.Text.RegularExpressions;

namespace LstmFcn.Plugins.Tables;

/// <summary>Which columns of a table hold what, as the pipeline declared it (unset names are looked up by convention).</summary>
public sealed record SampleTableOptions(
    string Layout,
    string LabelColumn,
    string? IdColumn,
    string? TimeColumn,
    IReadOnlyList<string> Bands,
    Regex ColumnPattern,
    IReadOnlyList<double> Scale,
    IReadOnlyList<double> Offset)
{
    /// <summary>Id column names tried when <c>id_column</c> is not set (sits calls it <c>id_sample</c>).</summary>
    public static readonly string[] IdCandidates = { "id", "id_sample", "sample_id" };

    /// <summary>Time column names tried when <c>time_column</c> is not set (sits calls it <c>Index</c>).</summary>
    public static readonly string[] TimeCandidates = { "Index", "time", "date", "timestamp" };
}

/// <summary>One sample as read from a table, its class still as text.</summary>
public sealed record RawSample(string Id, string Label, float[] Values, int Channels,
    IReadOnlyDictionary<string, string> Metadata, string Location);

/// <summary>What a layout reads from a table: the samples, the channel (band) names and, when shared, the time keys.</summary>
public sealed record TableSamples(IReadOnlyList<RawSample> Samples, IReadOnlyList<string> Channels, IReadOnlyList<string>? Times);

/// <summary>Finds the columns a layout needs, with errors that list what the table has.</summary>
static class ColumnLookup
{
    public static int Require(SampleTable table, string name, string role, string parameter)
    {
        int i = table.IndexOf(name);
        if (i >= 0) return i;
        var near = table.Columns.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        var hint = near is not null ? $"did you mean '{near.Name}'? (names are case-sensitive)" : $"set {parameter}";
        throw new TableFormatException(table.HeaderLocation(),
            $"no {role} column '{name}'; {hint}. The columns are: {table.ColumnList()}");
    }

    /// <summary>The named column, or (name unset) the first of the conventional names present; -1 when none is.</summary>
    public static int Find(SampleTable table, string? name, IEnumerable<string> candidates, string role, string parameter)
    {
        if (name is not null) return Require(table, name, role, parameter);
        foreach (var c in candidates)
            if (table.IndexOf(c) is var i and >= 0) return i;
        return -1;
    }
}

/// <summary>Per-band scale and offset (value × scale + offset): one pair for all bands or one per band.</summary>
public sealed class ChannelScaling
{
    readonly double[] _scale, _offset;

    public ChannelScaling(IReadOnlyList<double> scale, IReadOnlyList<double> offset, IReadOnlyList<string> channels, string step)
    {
        _scale = Expand(scale, "scale", 1.0, channels, step);
        _offset = Expand(offset, "offset", 0.0, channels, step);
    }

    public float Apply(int channel, double raw) => (float)(raw * _scale[channel] + _offset[channel]);

    public bool IsIdentity => _scale.All(s => s == 1.0) && _offset.All(o => o == 0.0);

    static double[] Expand(IReadOnlyList<double> values, string name, double neutral, IReadOnlyList<string> channels, string step)
    {
        if (values.Count == 0) return Enumerable.Repeat(neutral, channels.Count).ToArray();
        if (values.Count == 1) return Enumerable.Repeat(values[0], channels.Count).ToArray();
        if (values.Count == channels.Count) return values.ToArray();
        throw new ArgumentException(
            $"{step}: parameter '{name}' has {values.Count} values for {channels.Count} band(s) ({string.Join(", ", channels)}); " +
            "give one value for all bands or one per band, in the order of the bands");
    }
}
