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
public sealed class SampleTableLoader : LoaderPlugin<SampleTableOptions>, IReadsNewData
{
    public override string Name => "sample-table";
    public override string Description => "labelled sample tables (CSV or Parquet), wide (one row per sample) or long (one row per sample and time)";

    /// <summary>New samples to predict from one table, in the layout and bands the model was trained with; labels optional.</summary>
    public TimeSeriesDataset ReadNew(string source, PluginArguments args, RunContext context)
    {
        var options = OptionsSchema<SampleTableOptions>.Bind(args);
        var table = ReadTable(source, options.Format, DelimiterOf(options));
        var layout = ChooseLayout(table, options);
        var read = layout == TableLayout.Long
            ? LongTableLayout.Read(table, options, null, labelsOptional: true)
            : WideTableLayout.Read(table, options, "new", null, null, labelsOptional: true);
        var classes = ClassLabels.FromObserved(read.Samples.Where(r => r.Label.Length > 0).Select(r => r.Label));
        return ToDataset(read, classes, source, layout);
    }

    static char? DelimiterOf(SampleTableOptions options) => options.Delimiter switch
    {
        TableDelimiter.Comma => ',',
        TableDelimiter.Semicolon => ';',
        TableDelimiter.Tab => '\t',
        _ => null,
    };

    protected override DatasetSplit Load(SampleTableOptions options, RunContext context)
    {
        var delimiter = DelimiterOf(options);

        var trainPath = options.Train;
        var trainTable = ReadTable(trainPath, options.Format, delimiter);
        var layout = ChooseLayout(trainTable, options);
        var train = ReadSamples(trainTable, options, layout, "train", null);
        var classes = ClassLabels.FromObserved(train.Samples.Select(s => s.Label));

        var testPath = options.Test;
        TableSamples? test = null;
        if (testPath is not null)
        {
            var testTable = ReadTable(testPath, options.Format, delimiter);
            test = ReadSamples(testTable, options, layout, "test", train);
            foreach (var s in test.Samples)
                if (!classes.TryGetIndex(s.Label, out _))
                    throw new TableFormatException(s.Location,
                        $"class '{s.Label}' does not occur in the training table {trainPath} (it has {string.Join(", ", classes.Names)})");
        }

        var trainSet = ToDataset(train, classes, trainPath, layout);
        var testSet = test is null ? new TimeSeriesDataset(Array.Empty<TimeSeriesSample>(), classes) : ToDataset(test, classes, testPath!, layout);
        context.Log.Info($"sample-table ({Named(layout)}): {trainSet.Count} training and {testSet.Count} test samples, " +
                         $"{classes.Count} classes, band(s) {string.Join(", ", train.Channels)}, length " +
                         (trainSet.IsEqualLength ? $"{trainSet.MaxLength}" : $"{trainSet.MinLength}..{trainSet.MaxLength}"));
        return new DatasetSplit(trainSet, testSet);
    }

    static SampleTable ReadTable(string path, TableFormat format, char? delimiter)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: table not found", path);
        bool parquet = format == TableFormat.Parquet ||
                       (format == TableFormat.Auto && Path.GetExtension(path).Equals(".parquet", StringComparison.OrdinalIgnoreCase));
        return parquet ? ParquetTableReader.Read(path) : CsvTableReader.Read(path, delimiter);
    }

    /// <summary>The layout a table is read in: the one asked for, or (auto) long when the table has a time column.</summary>
    static TableLayout ChooseLayout(SampleTable table, SampleTableOptions options) => options.Layout switch
    {
        TableLayout.Auto => ColumnLookup.Find(table, options.TimeColumn, SampleTableOptions.TimeCandidates, "time", "time_column") >= 0
            ? TableLayout.Long : TableLayout.Wide,
        var chosen => chosen,
    };

    /// <summary>The layout's name in the log and the dataset's metadata.</summary>
    static string Named(TableLayout layout) => layout == TableLayout.Long ? "long" : "wide";

    /// <param name="train">For a test table: what was read from the training table, whose bands and times it must have.</param>
    static TableSamples ReadSamples(SampleTable table, SampleTableOptions options, TableLayout layout, string split, TableSamples? train) =>
        layout == TableLayout.Long
            ? LongTableLayout.Read(table, options, train?.Channels)
            : WideTableLayout.Read(table, options, split, train?.Channels, train?.Times);

    static TimeSeriesDataset ToDataset(TableSamples read, ClassLabels classes, string path, TableLayout layout)
    {
        var samples = new TimeSeriesSample[read.Samples.Count];
        for (int i = 0; i < samples.Length; i++)
        {
            var r = read.Samples[i];
            samples[i] = new TimeSeriesSample(r.Id, r.Values, r.Channels, r.Label.Length == 0 ? TimeSeriesSample.Unlabelled : classes.IndexOf(r.Label), r.Metadata);
        }
        var metadata = new Dictionary<string, string>
        {
            ["source"] = path,
            ["layout"] = Named(layout),
            // Channel names let models name features ("NDVI/t05") and reporters label plots.
            ["channels"] = string.Join(",", read.Channels),
        };
        if (read.Times is not null) metadata["times"] = string.Join(",", read.Times);
        return new TimeSeriesDataset(samples, classes, metadata);
    }
}
