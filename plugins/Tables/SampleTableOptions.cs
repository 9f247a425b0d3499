using System.Text.RegularExpressions;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Tables;

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
