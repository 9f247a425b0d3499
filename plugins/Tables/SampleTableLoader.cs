using System.Text.RegularExpressions;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Tables;

/// <summary>
/// <c>sample-table</c>: labelled samples from a ready-made table (CSV or Parquet), in the wide layout (one row per
/// sample) or the long layout (one row per sample and time). The sits samples load as they are:
/// <code>
/// loader:
///   plugin: sample-table
///   with:
///     train: samples_mt_4bands_long.csv     # long: id_sample, label, …, Index, NDVI, EVI, NIR, MIR
///     bands: [NDVI, EVI, NIR, MIR]
/// # or, one band from the wide file (NDVI_t01 … NDVI_t23):
///     train: samples_mt_4bands_ndvi_wide.csv
/// </code>
/// </summary>
public sealed class SampleTableLoader : ILoaderPlugin
{
    public const string DefaultColumnPattern = @"^(?<band>.+?)_t?(?<time>\d+)$";

    public string Name => "sample-table";
    public string Description => "labelled sample tables (CSV or Parquet), wide (one row per sample) or long (one row per sample and time)";

    public IReadOnlyList<ParameterSpec> Parameters { get; } = new[]
    {
        ParameterSpec.RequiredPath("train", "training table: .csv/.tsv/.txt (delimited text with a header row) or .parquet"),
        ParameterSpec.OptionalPath("test", "test table in the same layout; leave out for an empty test set (then use evaluate: {kfold: 5})"),
        ParameterSpec.Choice("format", "auto", "file format; auto decides by extension (.parquet, otherwise delimited text)", "auto", "csv", "parquet"),
        ParameterSpec.Choice("delimiter", "auto", "csv: cell separator; auto takes the most frequent of comma, semicolon and tab in the header",
            "auto", "comma", "semicolon", "tab"),
        ParameterSpec.Choice("layout", "auto",
            "wide: one row per sample, value columns named by column_pattern; long: one row per (sample, time), one column per band. " +
            "auto: long when the table has a time column (time_column, or one named Index, time, date or timestamp), else wide",
            "auto", "wide", "long"),
        ParameterSpec.Text("label_column", "label", "column holding the class name"),
        ParameterSpec.Text("id_column", null,
            "column naming each sample (kept as its id and metadata); unset: the first of id, id_sample, sample_id present. " +
            "Required by the long layout; wide tables without one number their rows"),
        ParameterSpec.Text("time_column", null, "long: column with each row's time (dates or numbers); unset: the first of Index, time, date, timestamp present"),
        new ParameterSpec("bands", ParameterType.StringList,
            "bands (channels) to read, in this order. wide: band names from column_pattern, default all bands found; " +
            "long: the band columns, required (sits: [NDVI, EVI, NIR, MIR])") { Default = new List<string>() },
        ParameterSpec.Text("column_pattern", DefaultColumnPattern,
            "wide: regular expression that value column names match; group 'band' names the channel, group 'time' the time step " +
            "(default matches sits NDVI_t01 and NDVI_1; for <band>_<date> use '^(?<band>[^_]+)_(?<time>\\d{4}-\\d{2}-\\d{2})$'). " +
            "Without a band group all matching columns form one channel; other columns become sample metadata"),
        new ParameterSpec("scale", ParameterType.NumberList,
            "multiply values by this: one number for all bands or one per band (e.g. 0.0001 for MODIS integers)") { Default = new List<double> { 1.0 } },
        new ParameterSpec("offset", ParameterType.NumberList,
            "then add this: one number for all bands or one per band") { Default = new List<double> { 0.0 } },
    };

    public DatasetSplit Load(PluginArguments args, RunContext context)
    {
        var options = ReadOptions(args);
        var format = args.GetString("format");
        char? delimiter = args.GetString("delimiter") switch { "comma" => ',', "semicolon" => ';', "tab" => '\t', _ => null };

        var trainPath = args.GetString("train");
        var trainTable = ReadTable(trainPath, format, delimiter);
        var layout = ChooseLayout(trainTable, options);
        var train = ReadSamples(trainTable, options, layout, "train", null);
        var classes = ClassLabels.FromObserved(train.Samples.Select(s => s.Label));

        var testPath = args.GetOptionalString("test");
        TableSamples? test = null;
        if (testPath is not null)
        {
            var testTable = ReadTable(testPath, format, delimiter);
            test = ReadSamples(testTable, options, layout, "test", train);
            foreach (var s in test.Samples)
                if (!classes.TryGetIndex(s.Label, out _))
                    throw new TableFormatException(s.Location,
                        $"class '{s.Label}' does not occur in the training table {trainPath} (it has {string.Join(", ", classes.Names)})");
        }

        var trainSet = ToDataset(train, classes, trainPath, layout);
        var testSet = test is null ? new TimeSeriesDataset(Array.Empty<TimeSeriesSample>(), classes) : ToDataset(test, classes, testPath!, layout);
        context.Log.Info($"sample-table ({layout}): {trainSet.Count} training and {testSet.Count} test samples, " +
                         $"{classes.Count} classes, band(s) {string.Join(", ", train.Channels)}, length " +
                         (trainSet.IsEqualLength ? $"{trainSet.MaxLength}" : $"{trainSet.MinLength}..{trainSet.MaxLength}"));
        return new DatasetSplit(trainSet, testSet);
    }

    static SampleTableOptions ReadOptions(PluginArguments args)
    {
        var patternText = args.GetString("column_pattern");
        Regex pattern;
        try
        {
            pattern = new Regex(patternText, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{args.StepName}: parameter 'column_pattern' is not a valid regular expression: {e.Message}");
        }
        return new SampleTableOptions(args.GetString("layout"), args.GetString("label_column"),
            args.GetOptionalString("id_column"), args.GetOptionalString("time_column"), args.GetStringList("bands"),
            pattern, args.GetNumberList("scale"), args.GetNumberList("offset"));
    }

    static SampleTable ReadTable(string path, string format, char? delimiter)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: table not found", path);
        bool parquet = format == "parquet" ||
                       (format == "auto" && Path.GetExtension(path).Equals(".parquet", StringComparison.OrdinalIgnoreCase));
        return parquet ? ParquetTableReader.Read(path) : CsvTableReader.Read(path, delimiter);
    }

    static string ChooseLayout(SampleTable table, SampleTableOptions options) => options.Layout switch
    {
        "auto" => ColumnLookup.Find(table, options.TimeColumn, SampleTableOptions.TimeCandidates, "time", "time_column") >= 0 ? "long" : "wide",
        var chosen => chosen,
    };

    /// <param name="train">For a test table: what was read from the training table, whose bands and times it must have.</param>
    static TableSamples ReadSamples(SampleTable table, SampleTableOptions options, string layout, string split, TableSamples? train) =>
        layout == "long"
            ? LongTableLayout.Read(table, options, train?.Channels)
            : WideTableLayout.Read(table, options, split, train?.Channels, train?.Times);

    static TimeSeriesDataset ToDataset(TableSamples read, ClassLabels classes, string path, string layout)
    {
        var samples = new TimeSeriesSample[read.Samples.Count];
        for (int i = 0; i < samples.Length; i++)
        {
            var r = read.Samples[i];
            samples[i] = new TimeSeriesSample(r.Id, r.Values, r.Channels, classes.IndexOf(r.Label), r.Metadata);
        }
        var metadata = new Dictionary<string, string>
        {
            ["source"] = path,
            ["layout"] = layout,
            // Channel names let models name features ("NDVI/t05") and reporters label plots.
            ["channels"] = string.Join(",", read.Channels),
        };
        if (read.Times is not null) metadata["times"] = string.Join(",", read.Times);
        return new TimeSeriesDataset(samples, classes, metadata);
    }
}
