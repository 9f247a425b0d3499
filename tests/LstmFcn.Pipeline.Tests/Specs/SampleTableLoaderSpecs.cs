using System.Globalization;
using LstmFcn.Pipeline.Engine.Plugins;
using LstmFcn.Pipeline.Tests.Support;
using Parquet;
using Parquet.Schema;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The <c>sample-table</c> loader reads ready-made labelled sample tables: CSV or Parquet, one row per sample (wide)
/// or per sample and time (long). The real sits samples of Mato Grosso load with no more than their band names; a
/// table it cannot read is reported with the file, line (or row) and column, and what was expected there.
/// </summary>
public sealed class SampleTableLoaderSpecs : IClassFixture<SampleTableLoaderSpecs.SitsTables>, IDisposable
{
    /// <summary>The sits samples, long (4 bands) and wide (NDVI), loaded once with the loader's defaults.</summary>
    public sealed class SitsTables
    {
        public static string Folder => Path.Combine(Repo.Datasets, "sits_mod13q1_sinop", "samples");
        public static string LongCsv => Path.Combine(Folder, "samples_mt_4bands_long.csv");
        public static string WideCsv => Path.Combine(Folder, "samples_mt_4bands_ndvi_wide.csv");
        public static string CubePointsCsv => Path.Combine(Folder, "samples_sinop_crop_extracted_ndvi.csv");

        public DatasetSplit Long { get; } = Load(("train", LongCsv), ("bands", new List<string> { "NDVI", "EVI", "NIR", "MIR" }));
        public DatasetSplit Wide { get; } = Load(("train", WideCsv));

        public static DatasetSplit Load(params (string Name, object? Value)[] values)
        {
            var loader = Plugins.Loader("sample-table");
            using var temp = new TempFolder();
            return loader.Load(Plugins.Arguments(loader, values), Plugins.Context(temp.Path));
        }
    }

    readonly SitsTables _sits;
    readonly TempFolder _temp = new();

    public SampleTableLoaderSpecs(SitsTables sits) => _sits = sits;

    public void Dispose() => _temp.Dispose();

    /// <summary>The loader's table-format error: its message, checked to be the plugin's TableFormatException.</summary>
    static string FormatError(params (string Name, object? Value)[] values)
    {
        var e = Assert.ThrowsAny<Exception>(() => SitsTables.Load(values));
        Assert.Equal("TableFormatException", e.GetType().Name);
        return e.Message;
    }

    static readonly string[] SitsClasses =
        { "Cerrado", "Fallow_Cotton", "Forest", "Pasture", "Soy_Corn", "Soy_Cotton", "Soy_Fallow", "Soy_Millet", "Soy_Sunflower" };

    // ----- the real sits samples -----

    [Fact]
    public void Sample_table_is_a_built_in_loader()
    {
        Assert.True(Plugins.BuiltIn.TryGet("sample-table", out var entry));
        Assert.Equal(PluginKind.Loader, entry.Kind);
        Assert.EndsWith(Path.Combine("LstmFcn.Plugins.Tables", "LstmFcn.Plugins.Tables.dll"), entry.AssemblyPath);
    }

    [Fact]
    public void The_sits_long_table_loads_as_1892_samples_of_4_bands_by_23_dates_in_9_classes()
    {
        var train = _sits.Long.Train;

        Assert.Equal(1892, train.Count);
        Assert.Empty(_sits.Long.Test.Samples);
        Assert.Equal(SitsClasses, train.Classes.Names);
        Assert.Equal(new[] { 379, 29, 131, 344, 364, 352, 87, 180, 26 }, train.ClassCounts());
        Assert.Equal(4, train.Channels);
        Assert.True(train.IsEqualLength);
        Assert.Equal(23, train.MaxLength);
        Assert.Equal("NDVI,EVI,NIR,MIR", train.Metadata["channels"]);
        Assert.Equal("long", train.Metadata["layout"]);
    }

    [Fact]
    public void A_long_sample_keeps_its_id_coordinates_and_dates_and_its_bands_in_order()
    {
        // samples_mt_4bands_long.csv line 2: 1,Pasture,-55.1852,-10.8378,2013-09-14,2014-08-29,2013-09-14,0.388,0.2526,0.316,0.3067
        var first = _sits.Long.Train.Samples[0];

        Assert.Equal("1", first.Id);
        Assert.Equal("Pasture", _sits.Long.Train.Classes[first.Label]);
        Assert.Equal(0.388f, first.Channel(0)[0]);   // NDVI
        Assert.Equal(0.2526f, first.Channel(1)[0]);  // EVI
        Assert.Equal(0.316f, first.Channel(2)[0]);   // NIR
        Assert.Equal(0.3067f, first.Channel(3)[0]);  // MIR
        Assert.Equal(0.4905f, first.Channel(0)[1]);  // NDVI on the second date (line 3)
        Assert.Equal("1", first.Metadata["id_sample"]);
        Assert.Equal("-55.1852", first.Metadata["longitude"]);
        Assert.Equal("-10.8378", first.Metadata["latitude"]);
        Assert.Equal("2013-09-14", first.Metadata["start_date"]);
        Assert.Equal("2014-08-29", first.Metadata["end_date"]);
        Assert.Equal("2", first.Metadata["line"]);
        var times = first.Metadata["times"].Split(';');
        Assert.Equal(23, times.Length);
        Assert.Equal("2013-09-14", times[0]);
        Assert.Equal("2014-08-29", times[^1]);
    }

    [Fact]
    public void The_sits_wide_NDVI_table_loads_without_any_configuration_and_matches_the_long_table()
    {
        var wide = _sits.Wide.Train;
        var longById = _sits.Long.Train.Samples.ToDictionary(s => s.Id);

        Assert.Equal("wide", wide.Metadata["layout"]);
        Assert.Equal("NDVI", wide.Metadata["channels"]);
        Assert.StartsWith("01,02,", wide.Metadata["times"]);
        Assert.Equal(1892, wide.Count);
        Assert.Equal(1, wide.Channels);
        Assert.Equal(23, wide.MaxLength);
        Assert.Equal(SitsClasses, wide.Classes.Names);
        foreach (var s in wide.Samples)
        {
            var same = longById[s.Id];
            Assert.Equal(wide.Classes[s.Label], _sits.Long.Train.Classes[same.Label]);
            Assert.Equal(same.Channel(0).ToArray(), s.Values);
            Assert.Equal(same.Metadata["longitude"], s.Metadata["longitude"]);
        }
    }

    [Fact]
    public void Bands_are_read_in_the_order_asked()
    {
        var split = SitsTables.Load(("train", SitsTables.LongCsv), ("bands", new List<string> { "MIR", "NDVI" }));

        var first = split.Train.Samples[0];
        Assert.Equal(2, first.Channels);
        Assert.Equal(0.3067f, first.Channel(0)[0]);
        Assert.Equal(0.388f, first.Channel(1)[0]);
        Assert.Equal("MIR,NDVI", split.Train.Metadata["channels"]);
    }

    [Fact]
    public void Date_named_columns_load_with_a_pattern_and_a_scale()
    {
        // The cube's NDVI at the 12 ground-truth points: columns id, label, longitude, latitude, col, row, then one per
        // date holding NDVI × 10000.
        var split = SitsTables.Load(("train", SitsTables.CubePointsCsv), ("column_pattern", @"^(?<time>\d{4}-\d{2}-\d{2})$"),
            ("scale", new List<double> { 0.0001 }));

        var train = split.Train;
        Assert.Equal(12, train.Count);
        Assert.Equal(new[] { "Forest", "Pasture", "Soy_Corn" }, train.Classes.Names);
        Assert.Equal(23, train.MaxLength);
        Assert.Equal("value", train.Metadata["channels"]);
        Assert.StartsWith("2013-09-14,2013-09-30,", train.Metadata["times"]);
        var first = train.Samples[0];
        Assert.Equal("1", first.Id);
        Assert.Equal((float)(3386 * 0.0001), first.Values[0]);
        Assert.Equal((float)(3272 * 0.0001), first.Values[22]);
        Assert.Equal("23", first.Metadata["col"]);
        Assert.Equal("-55.65931", first.Metadata["longitude"]);
    }

    [Fact]
    public void A_parquet_table_loads_like_the_csv_it_was_written_from()
    {
        var parquet = _temp["samples_long.parquet"];
        WriteSitsLongAsParquet(SitsTables.LongCsv, parquet);

        var fromParquet = SitsTables.Load(("train", parquet), ("bands", new List<string> { "NDVI", "EVI", "NIR", "MIR" })).Train;

        var fromCsv = _sits.Long.Train;
        Assert.Equal(fromCsv.Count, fromParquet.Count);
        Assert.Equal(fromCsv.Classes.Names, fromParquet.Classes.Names);
        for (int i = 0; i < fromCsv.Count; i++)
        {
            var (a, b) = (fromCsv.Samples[i], fromParquet.Samples[i]);
            Assert.Equal(a.Id, b.Id);
            Assert.Equal(a.Label, b.Label);
            Assert.Equal(a.Values, b.Values);
            Assert.Equal(a.Metadata["times"], b.Metadata["times"]);
            Assert.Equal(a.Metadata["start_date"], b.Metadata["start_date"]);
        }
        Assert.Equal("1", fromParquet.Samples[0].Metadata["row"]);
    }

    /// <summary>The long CSV as Parquet: ids as integers, coordinates and bands as doubles, observation dates as dates.</summary>
    static void WriteSitsLongAsParquet(string csv, string parquet)
    {
        var lines = File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',')).ToArray();
        var id = new DataField<int>("id_sample");
        var label = new DataField<string>("label");
        var lon = new DataField<double>("longitude");
        var lat = new DataField<double>("latitude");
        var start = new DataField<string>("start_date");
        var index = new DataField<DateTime>("Index");
        var bands = new[] { "NDVI", "EVI", "NIR", "MIR" }.Select(b => new DataField<double>(b)).ToArray();
        var schema = new ParquetSchema(new Field[] { id, label, lon, lat, start, index }.Concat(bands));
        double[] Column(int c) => lines.Select(l => double.Parse(l[c], CultureInfo.InvariantCulture)).ToArray();
        Task.Run(async () =>
        {
            await using var stream = File.Create(parquet);
            await using var writer = await ParquetWriter.CreateAsync(schema, stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<int>(id, lines.Select(l => int.Parse(l[0], CultureInfo.InvariantCulture)).ToArray().AsMemory());
            await group.WriteAsync(label, lines.Select(l => l[1]).ToArray());
            await group.WriteAsync<double>(lon, Column(2).AsMemory());
            await group.WriteAsync<double>(lat, Column(3).AsMemory());
            await group.WriteAsync(start, lines.Select(l => l[4]).ToArray());
            await group.WriteAsync<DateTime>(index, lines.Select(l => DateTime.ParseExact(l[6], "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)).ToArray().AsMemory());
            for (int b = 0; b < bands.Length; b++) await group.WriteAsync<double>(bands[b], Column(7 + b).AsMemory());
        }).GetAwaiter().GetResult();
    }

    // ----- small tables: layouts, test tables, options -----

    [Fact]
    public void Without_a_test_table_the_test_set_is_empty_and_with_one_it_shares_the_training_classes()
    {
        var train = _temp.Write("train.csv", "id,label,B_1,B_2\na,x,1,2\nb,y,3,4\nc,x,5,6\n");
        var test = _temp.Write("test.csv", "id,label,B_1,B_2\nd,y,7,8\n");

        var alone = SitsTables.Load(("train", train));
        var both = SitsTables.Load(("train", train), ("test", test));

        Assert.Empty(alone.Test.Samples);
        Assert.Equal(new[] { "x", "y" }, both.Test.Classes.Names);
        var d = Assert.Single(both.Test.Samples);
        Assert.Equal("d", d.Id);
        Assert.Equal(1, d.Label);
        Assert.Equal(new[] { 7f, 8f }, d.Values);
    }

    [Fact]
    public void Wide_bands_are_grouped_by_the_pattern_and_time_steps_follow_the_first_band()
    {
        // Columns of band B are out of order: values are placed by their time key, not by column position.
        var path = _temp.Write("bands.csv", "label,A_1,A_2,A_3,B_3,B_1,B_2,site\nx,1,2,3,30,10,20,north\ny,4,5,6,60,40,50,south\n");

        var train = SitsTables.Load(("train", path)).Train;

        Assert.Equal("A,B", train.Metadata["channels"]);
        Assert.Equal(new[] { 1f, 2f, 3f, 10f, 20f, 30f }, train.Samples[0].Values);
        Assert.Equal("train-1", train.Samples[1].Id);
        Assert.Equal("south", train.Samples[1].Metadata["site"]);
    }

    [Fact]
    public void Scale_and_offset_apply_to_all_bands_or_per_band()
    {
        var path = _temp.Write("scale.csv", "label,A_1,A_2,B_1,B_2\nx,1,2,3,4\n");

        var shared = SitsTables.Load(("train", path), ("scale", new List<double> { 2 }), ("offset", new List<double> { 1 }));
        var perBand = SitsTables.Load(("train", path), ("scale", new List<double> { 10, 0.5 }), ("offset", new List<double> { 0, -1 }));

        Assert.Equal(new[] { 3f, 5f, 7f, 9f }, shared.Train.Samples[0].Values);
        Assert.Equal(new[] { 10f, 20f, 0.5f, 1f }, perBand.Train.Samples[0].Values);
    }

    [Fact]
    public void A_long_table_groups_rows_by_id_and_orders_them_by_time()
    {
        // Rows of sample 7 are interleaved with sample 8's and out of time order; times are numbers here.
        var path = _temp.Write("long.csv", "sample_id,label,time,red,nir,site\n7,a,2,0.2,2,n\n8,b,1,0.5,5,s\n7,a,1,0.1,1,n\n8,b,2,0.6,6,s\n");

        var train = SitsTables.Load(("train", path), ("bands", new List<string> { "red", "nir" })).Train;

        Assert.Equal(new[] { "7", "8" }, train.Samples.Select(s => s.Id));
        Assert.Equal(new[] { 0.1f, 0.2f, 1f, 2f }, train.Samples[0].Values);
        Assert.Equal("1;2", train.Samples[0].Metadata["times"]);
        Assert.Equal("n", train.Samples[0].Metadata["site"]);
        Assert.Equal("2", train.Samples[0].Metadata["line"]); // the sample's first row in the file (time 2), not its first time
    }

    [Fact]
    public void Quoted_cells_semicolons_and_R_row_names_are_read()
    {
        // R's write.csv quotes strings and leaves the row-name column's header empty; European CSV uses semicolons.
        var path = _temp.Write("r.csv", "\"\";\"label\";\"v_1\";\"v_2\"\n\"1\";\"a; b\";1.5;2\n\"2\";\"say \"\"hi\"\"\";3;4\n");

        var train = SitsTables.Load(("train", path)).Train;

        Assert.Equal(new[] { "a; b", "say \"hi\"" }, train.Classes.Names);
        Assert.Equal("1", train.Samples[0].Metadata["unnamed-1"]);
    }

    // ----- what cannot be read -----

    [Fact]
    public void A_missing_label_column_is_reported_with_the_columns_there_are()
    {
        var path = _temp.Write("nolabel.csv", "id,class,v_1,v_2\na,x,1,2\n");

        Assert.Equal($"{path}:1: no label column 'label'; set label_column. The columns are: id, class, v_1, v_2",
            FormatError(("train", path)));
    }

    [Fact]
    public void A_column_name_in_the_wrong_case_gets_a_hint()
    {
        var path = _temp.Write("case.csv", "id,label,v_1\na,x,1\n");

        Assert.Equal($"{path}:1: no label column 'Label'; did you mean 'label'? (names are case-sensitive). The columns are: id, label, v_1",
            FormatError(("train", path), ("label_column", "Label")));
    }

    [Fact]
    public void A_non_numeric_cell_is_reported_with_file_line_column_band_and_time()
    {
        var path = _temp.Write("text.csv", "id,label,NDVI_t01,NDVI_t02\na,x,0.1,0.2\n\nb,y,0.3,abc\n");

        // Line 4 (the blank line counts), column 4.
        Assert.Equal($"{path}:4:4: column 'NDVI_t02' (band NDVI, time 02): 'abc' is not a number", FormatError(("train", path)));
    }

    [Fact]
    public void An_empty_cell_is_a_missing_value()
    {
        var path = _temp.Write("gap.csv", "id,label,NDVI_t01,NDVI_t02\na,x,,0.2\n");

        Assert.Equal($"{path}:2:3: missing value in column 'NDVI_t01' (band NDVI, time 01); expected a number", FormatError(("train", path)));
    }

    [Fact]
    public void A_ragged_row_is_reported_with_its_line()
    {
        var path = _temp.Write("ragged.csv", "id,label,v_1,v_2\na,x,1,2\nb,y,3\n");

        Assert.Equal($"{path}:3: ragged row: 3 cells where the header (line 1) has 4 columns", FormatError(("train", path)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n\n")]
    public void An_empty_file_is_reported(string content)
    {
        var path = _temp.Write("empty.csv", content);

        Assert.Equal($"{path}: the file is empty: expected a header row, then one row per sample (wide) or per sample and time (long)",
            FormatError(("train", path)));
    }

    [Fact]
    public void A_header_without_rows_is_reported()
    {
        var path = _temp.Write("header.csv", "id,label,v_1\n");

        Assert.Equal($"{path}:1: the table has a header but no data rows", FormatError(("train", path)));
    }

    [Fact]
    public void An_unclosed_quote_is_reported_where_it_opened()
    {
        var path = _temp.Write("quote.csv", "id,label,v_1\na,\"x,1\nb,y,2\n");

        Assert.Equal($"{path}:2: a quoted cell is not closed before the end of the file", FormatError(("train", path)));
    }

    [Fact]
    public void A_table_without_value_columns_is_reported()
    {
        var path = _temp.Write("novalues.csv", "id,label,red,nir\na,x,1,2\n");

        Assert.Equal($"{path}:1: no value columns: no column name matches column_pattern '" + @"^(?<band>.+?)_t?(?<time>\d+)$" + "'. " +
                     "The columns are: id, label, red, nir", FormatError(("train", path)));
    }

    [Fact]
    public void A_band_missing_a_time_step_is_reported()
    {
        var path = _temp.Write("gapband.csv", "label,A_1,A_2,B_1\nx,1,2,3\n");

        Assert.Equal($"{path}:1: band 'B' has no column for time '2' (band 'A' has one); every band needs the same time steps",
            FormatError(("train", path)));
    }

    [Fact]
    public void A_requested_band_that_is_not_in_the_table_is_reported()
    {
        var path = _temp.Write("band.csv", "label,A_1,A_2\nx,1,2\n");

        Assert.Equal($"{path}:1: no value columns for band 'NDVI' (column_pattern '" + @"^(?<band>.+?)_t?(?<time>\d+)$" + "' finds band(s) A)",
            FormatError(("train", path), ("bands", new List<string> { "NDVI" })));
    }

    [Fact]
    public void A_duplicate_sample_id_in_a_wide_table_is_reported()
    {
        var path = _temp.Write("dup.csv", "id,label,v_1\na,x,1\nb,y,2\na,y,3\n");

        Assert.Equal($"{path}:4:1: sample id 'a' appears twice (first at {path}:2); the wide layout has one row per sample",
            FormatError(("train", path)));
    }

    [Fact]
    public void A_long_table_needs_its_band_columns_named()
    {
        var e = FormatError(("train", SitsTables.LongCsv));

        Assert.Equal($"{SitsTables.LongCsv}:1: the long layout needs the band columns: set bands, e.g. bands: [NDVI, EVI, NIR, MIR] " +
                     "(columns other than id, label and time: longitude, latitude, start_date, end_date, NDVI, EVI, NIR, MIR)", e);
    }

    [Fact]
    public void A_sample_whose_class_changes_between_rows_is_reported()
    {
        var path = _temp.Write("relabel.csv", "id,label,time,v\n1,a,1,0.1\n1,b,2,0.2\n");

        Assert.Equal($"{path}:3:2: sample '1' has class 'b' here and 'a' at {path}:2; a sample has one class",
            FormatError(("train", path), ("bands", new List<string> { "v" })));
    }

    [Fact]
    public void A_sample_with_two_rows_for_one_time_is_reported()
    {
        var path = _temp.Write("twice.csv", "id,label,date,v\n1,a,2020-01-01,0.1\n1,a,2020-01-01,0.2\n");

        Assert.Equal($"{path}:3:3: sample '1' has a second row for time '2020-01-01' (first at {path}:2)",
            FormatError(("train", path), ("bands", new List<string> { "v" })));
    }

    [Fact]
    public void A_test_class_that_is_not_in_the_training_table_is_reported()
    {
        var train = _temp.Write("train.csv", "label,v_1\nx,1\ny,2\n");
        var test = _temp.Write("test.csv", "label,v_1\nx,1\nz,2\n");

        Assert.Equal($"{test}:3: class 'z' does not occur in the training table {train} (it has x, y)",
            FormatError(("train", train), ("test", test)));
    }

    [Fact]
    public void A_test_table_without_a_training_column_is_reported()
    {
        var train = _temp.Write("train.csv", "label,v_1,v_2\nx,1,2\n");
        var test = _temp.Write("test.csv", "label,v_1\nx,1\n");

        Assert.Equal($"{test}:1: band 'v' has no column for time '2' (the training table has one); test and training tables need the same columns",
            FormatError(("train", train), ("test", test)));
    }

    [Fact]
    public void A_file_that_is_not_parquet_is_reported()
    {
        var path = _temp.Write("fake.parquet", "id,label\n1,a\n");

        Assert.StartsWith($"{path}: not a readable Parquet file", FormatError(("train", path)));
    }

    [Fact]
    public void A_scale_with_the_wrong_number_of_values_is_reported()
    {
        var path = _temp.Write("scale.csv", "label,A_1,B_1,C_1\nx,1,2,3\n");

        var e = Assert.Throws<ArgumentException>(() => SitsTables.Load(("train", path), ("scale", new List<double> { 1, 2 })));

        Assert.Equal("test (sample-table): parameter 'scale' has 2 values for 3 band(s) (A, B, C); give one value for all bands " +
                     "or one per band, in the order of the bands", e.Message);
    }

    [Fact]
    public void A_missing_file_is_reported_with_its_path()
    {
        var path = _temp["nowhere.csv"];

        var e = Assert.Throws<FileNotFoundException>(() => SitsTables.Load(("train", path)));

        Assert.Equal($"{path}: table not found", e.Message);
    }
}
