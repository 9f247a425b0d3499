using System.Text.RegularExpressions;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Tables;

/// <summary>The file format of a table; auto decides by extension (.parquet, otherwise delimited text).</summary>
public enum TableFormat { Auto, Csv, Parquet }

/// <summary>The cell separator of a CSV table; auto takes the most frequent of comma, semicolon and tab in the header.</summary>
public enum TableDelimiter { Auto, Comma, Semicolon, Tab }

/// <summary>wide: one row per sample; long: one row per (sample, time); auto: long when the table has a time column.</summary>
public enum TableLayout { Auto, Wide, Long }

/// <summary>
/// The <c>sample-table</c> loader's parameters: the files, and which columns of a table hold what (unset names are
/// looked up by convention).
/// </summary>
public sealed record SampleTableOptions : PluginOptions
{
    public const string DefaultColumnPattern = @"^(?<band>.+?)_t?(?<time>\d+)$";

    /// <summary>Id column names tried when <c>id_column</c> is not set (sits calls it <c>id_sample</c>).</summary>
    public static readonly string[] IdCandidates = { "id", "id_sample", "sample_id" };

    /// <summary>Time column names tried when <c>time_column</c> is not set (sits calls it <c>Index</c>).</summary>
    public static readonly string[] TimeCandidates = { "Index", "time", "date", "timestamp" };

    [Parameter("training table: .csv/.tsv/.txt (delimited text with a header row) or .parquet", Required = true, Path = PathKind.ExistingFile)]
    public string Train { get; init; } = "";

    [Parameter("test table in the same layout; leave out for an empty test set (then use evaluate: {kfold: 5})", Path = PathKind.ExistingFile)]
    public string? Test { get; init; }

    [Parameter("file format; auto decides by extension (.parquet, otherwise delimited text)")]
    public TableFormat Format { get; init; } = TableFormat.Auto;

    [Parameter("csv: cell separator; auto takes the most frequent of comma, semicolon and tab in the header")]
    public TableDelimiter Delimiter { get; init; } = TableDelimiter.Auto;

    [Parameter("wide: one row per sample, value columns named by column_pattern; long: one row per (sample, time), one column per band. " +
               "auto: long when the table has a time column (time_column, or one named Index, time, date or timestamp), else wide")]
    public TableLayout Layout { get; init; } = TableLayout.Auto;

    [Parameter("column holding the class name")]
    public string LabelColumn { get; init; } = "label";

    [Parameter("column naming each sample (kept as its id and metadata); unset: the first of id, id_sample, sample_id present. " +
               "Required by the long layout; wide tables without one number their rows")]
    public string? IdColumn { get; init; }

    [Parameter("long: column with each row's time (dates or numbers); unset: the first of Index, time, date, timestamp present")]
    public string? TimeColumn { get; init; }

    [Parameter("bands (channels) to read, in this order. wide: band names from column_pattern, default all bands found; " +
               "long: the band columns, required (sits: [NDVI, EVI, NIR, MIR])")]
    public IReadOnlyList<string> Bands { get; init; } = [];

    [Parameter("wide: regular expression that value column names match; group 'band' names the channel, group 'time' the time step " +
               "(default matches sits NDVI_t01 and NDVI_1; for <band>_<date> use '^(?<band>[^_]+)_(?<time>\\d{4}-\\d{2}-\\d{2})$'). " +
               "Without a band group all matching columns form one channel; other columns become sample metadata")]
    public string ColumnPattern { get; init; } = DefaultColumnPattern;

    [Parameter("multiply values by this: one number for all bands or one per band (e.g. 0.0001 for MODIS integers)", Min = -1e30, Max = 1e30)]
    public IReadOnlyList<double> Scale { get; init; } = [1.0];

    [Parameter("then add this: one number for all bands or one per band", Min = -1e30, Max = 1e30)]
    public IReadOnlyList<double> Offset { get; init; } = [0.0];

    /// <summary><see cref="ColumnPattern"/> compiled (Validate has checked that it compiles).</summary>
    public Regex ColumnRegex() => new(ColumnPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public override IEnumerable<OptionProblem> Validate()
    {
        string? regexProblem = null;
        try
        {
            ColumnRegex();
        }
        catch (ArgumentException e)
        {
            regexProblem = $"parameter 'column_pattern' is not a valid regular expression: {e.Message}";
        }
        if (regexProblem is not null) yield return new("column_pattern", regexProblem);
        // With the bands named, the number of values per band is known before any table is read.
        if (Bands.Count > 0)
        {
            if (ChannelScaling.CountProblem(Scale, "scale", Bands) is { } scale) yield return new("scale", scale);
            if (ChannelScaling.CountProblem(Offset, "offset", Bands) is { } offset) yield return new("offset", offset);
        }
    }
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
        if (CountProblem(values, name, channels) is { } problem) throw new ArgumentException($"{step}: {problem}");
        if (values.Count == 0) return Enumerable.Repeat(neutral, channels.Count).ToArray();
        if (values.Count == 1) return Enumerable.Repeat(values[0], channels.Count).ToArray();
        return values.ToArray();
    }

    /// <summary>What is wrong with <paramref name="values"/> for these channels: none, one for all, or one per channel.</summary>
    public static string? CountProblem(IReadOnlyList<double> values, string name, IReadOnlyList<string> channels) =>
        values.Count <= 1 || values.Count == channels.Count ? null
            : $"parameter '{name}' has {values.Count} values for {channels.Count} band(s) ({string.Join(", ", channels)}); " +
              "give one value for all bands or one per band, in the order of the bands";
}
