using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The <c>ucr</c> loader reads UCR 2018 <c>.tsv</c> and sktime <c>.ts</c> files. A file it cannot read is reported
/// with its path, the line and (where it knows it) the column; it never guesses.
/// </summary>
public sealed class UcrLoaderSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    DatasetSplit Load(string train, string? test = null, string format = "auto")
    {
        var loader = Plugins.Loader("ucr");
        return loader.Load(Plugins.Arguments(loader, ("train", train), ("test", test), ("format", format)), Plugins.Context(_temp.Path));
    }

    /// <summary>The loader's data-format error: its message, checked to be the plugin's DataFormatException.</summary>
    string FormatError(string train, string? test = null, string format = "auto")
    {
        var e = Assert.ThrowsAny<Exception>(() => Load(train, test, format));
        Assert.Equal("DataFormatException", e.GetType().Name);
        return e.Message;
    }

    // ----- .tsv: what cannot be read -----

    [Fact]
    public void Ragged_rows_are_reported_with_the_line()
    {
        var path = _temp.Write("r_TRAIN.tsv", "1\t0.1\t0.2\t0.3\n2\t0.1\t0.2\n");

        Assert.Equal($"{path}:2: ragged row: 2 values where earlier rows have 3 (pad unequal lengths with NaN)", FormatError(path));
    }

    [Fact]
    public void A_non_numeric_cell_is_reported_with_file_line_and_column()
    {
        var path = _temp.Write("n_TRAIN.tsv", "1\t0.1\t0.2\t0.3\n\n2\t0.1\tabc\t0.3\n");

        // Line 3 (blank lines count), column 3 (the label is column 1).
        Assert.Equal($"{path}:3:3: value 'abc' is not a number", FormatError(path));
    }

    [Fact]
    public void An_empty_cell_is_not_a_number()
    {
        var path = _temp.Write("e_TRAIN.tsv", "1\t0.1\t\t0.3\n");

        Assert.Equal($"{path}:1:3: value '' is not a number", FormatError(path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n   \n")]
    public void An_empty_file_is_reported(string content)
    {
        var path = _temp.Write("empty_TRAIN.tsv", content);

        Assert.Equal($"{path}: the file is empty: expected one series per line", FormatError(path));
    }

    [Fact]
    public void A_row_with_only_a_label_is_reported()
    {
        var path = _temp.Write("l_TRAIN.tsv", "1\n");

        Assert.Equal($"{path}:1: expected a class label followed by at least one value", FormatError(path));
    }

    [Fact]
    public void A_series_of_only_missing_values_is_reported()
    {
        var path = _temp.Write("m_TRAIN.tsv", "1\t1\t2\n2\tNaN\tNaN\n");

        Assert.Equal($"{path}:2: the series has no values (all NaN)", FormatError(path));
    }

    [Fact]
    public void Test_labels_that_are_not_in_train_are_reported()
    {
        var train = _temp.Write("x_TRAIN.tsv", "1\t0\t1\n2\t1\t0\n");
        var test = _temp.Write("x_TEST.tsv", "1\t0\t1\n3\t1\t1\n2\t1\t0\n");

        Assert.Equal($"{test}:2: class label(s) '3' do not occur in the training file {train} (train has 1, 2)", FormatError(train, test));
    }

    [Fact]
    public void A_missing_file_is_reported_with_its_path()
    {
        var train = _temp.Write("x_TRAIN.tsv", "1\t0\t1\n");
        var test = _temp["x_TEST.tsv"];

        var e = Assert.Throws<FileNotFoundException>(() => Load(train, test));

        Assert.Equal($"{test}: data file not found", e.Message);
    }

    // ----- .ts: what cannot be read -----

    const string TsHeader = "# comment\n@problemName Spec\n@univariate true\n@classLabel true 1 2\n@data\n";

    [Fact]
    public void A_ts_file_without_data_section_is_reported()
    {
        var path = _temp.Write("nodata_TRAIN.ts", "@problemName Spec\n@classLabel true 1 2\n");

        Assert.Equal($"{path}: no @data line found", FormatError(path));
    }

    [Fact]
    public void Values_before_the_data_line_are_reported()
    {
        var path = _temp.Write("early_TRAIN.ts", "@problemName Spec\n1,2,3:1\n@data\n");

        Assert.Equal($"{path}:2: expected a header line starting with '@' before @data", FormatError(path));
    }

    [Fact]
    public void A_ts_file_with_no_cases_is_reported()
    {
        var path = _temp.Write("nocases_TRAIN.ts", TsHeader);

        Assert.Equal($"{path}: the file has no cases after @data", FormatError(path));
    }

    [Fact]
    public void An_empty_ts_file_is_reported()
    {
        var path = _temp.Write("empty_TRAIN.ts", "");

        Assert.Equal($"{path}: the file is empty", FormatError(path));
    }

    [Fact]
    public void A_missing_label_is_reported()
    {
        var path = _temp.Write("nolabel_TRAIN.ts", TsHeader + "1,2,3:1\n1,2,3:\n");

        Assert.Equal($"{path}:7: missing class label after the last ':'", FormatError(path));
    }

    [Fact]
    public void A_label_not_declared_by_classLabel_is_reported()
    {
        var path = _temp.Write("undeclared_TRAIN.ts", TsHeader + "1,2,3:1\n1,2,3:3\n");

        Assert.Equal($"{path}:7: class label '3' is not among those declared by @classLabel (1 2)", FormatError(path));
    }

    [Fact]
    public void A_dimension_count_other_than_declared_is_reported()
    {
        var path = _temp.Write("dims_TRAIN.ts", "@dimensions 2\n@classLabel true a b\n@data\n1,2:3,4:a\n1,2:b\n");

        Assert.Equal($"{path}:5: 1 dimensions where @dimensions says 2", FormatError(path));
    }

    [Fact]
    public void A_dimension_count_that_changes_between_cases_is_reported()
    {
        var path = _temp.Write("dims_TRAIN.ts", "@classLabel true a b\n@data\n1,2:3,4:a\n1,2:3,4:5,6:b\n");

        Assert.Equal($"{path}:4: 3 dimensions where earlier cases have 2", FormatError(path));
    }

    [Fact]
    public void Dimensions_of_one_case_with_different_lengths_are_reported()
    {
        var path = _temp.Write("len_TRAIN.ts", "@classLabel true a b\n@data\n1,2,3:4,5:a\n");

        Assert.Equal($"{path}:3: dimension 2 has 2 values, dimension 1 has 3: all dimensions of a case must have the same length", FormatError(path));
    }

    [Fact]
    public void A_non_numeric_ts_value_is_reported_with_dimension_and_position()
    {
        var path = _temp.Write("nan_TRAIN.ts", TsHeader + "1,2,3:1\n1,x,3:2\n");

        Assert.Equal($"{path}:7: dimension 1, value 2: 'x' is not a number", FormatError(path));
    }

    [Fact]
    public void Time_stamped_ts_data_is_refused()
    {
        var path = _temp.Write("stamped_TRAIN.ts", "@timeStamps true\n@data\n");

        Assert.Equal($"{path}:1: time-stamped .ts data is not supported", FormatError(path));
    }

    [Fact]
    public void Train_and_test_with_different_channel_counts_are_reported()
    {
        var train = _temp.Write("c_TRAIN.ts", "@classLabel true a b\n@data\n1,2:3,4:a\n5,6:7,8:b\n");
        var test = _temp.Write("c_TEST.ts", "@classLabel true a b\n@data\n1,2:a\n");

        Assert.StartsWith($"{test}:3: 1 channels in test, 2 in train", FormatError(train, test));
    }

    // ----- what is read -----

    [Fact]
    public void Tsv_values_in_exponent_notation_are_read()
    {
        var path = _temp.Write("exp_TRAIN.tsv", "1\t1.5e-3\t-2E+2\t7\n2\t0\t1.0E0\t-3.25e1\n");

        var train = Load(path).Train;

        Assert.Equal(new[] { 0.0015f, -200f, 7f }, train.Samples[0].Values);
        Assert.Equal(new[] { 0f, 1f, -32.5f }, train.Samples[1].Values);
    }

    [Fact]
    public void Real_ucr_tsv_with_exponent_notation_is_read_exactly()
    {
        // ECG200_TRAIN.tsv line 32, column 87 holds 7.0280533e-05.
        var train = Load(Repo.Dataset("ucr", "ECG200", "TRAIN", "tsv")).Train;

        Assert.Equal(100, train.Count);
        Assert.Equal(96, train.MaxLength);
        Assert.Equal(new[] { "-1", "1" }, train.Classes.Names);
        var sample = train.Samples[31];
        Assert.Equal("32", sample.Metadata["line"]);
        Assert.Equal(7.0280533e-05f, sample.Values[85]);
    }

    [Fact]
    public void Old_archive_files_with_commas_and_float_labels_are_read()
    {
        var path = _temp.Write("old_TRAIN.txt", "1.0000000e+00,0.5,0.25\n2.0000000e+00,1,2\n1,3,4\n");

        var train = Load(path).Train;

        Assert.Equal(new[] { "1", "2" }, train.Classes.Names);
        Assert.Equal(new[] { 0, 1, 0 }, train.Labels());
    }

    [Fact]
    public void Trailing_NaNs_mark_shorter_series()
    {
        var path = _temp.Write("short_TRAIN.tsv", "1\t1\t2\t3\n2\t4\t5\tNaN\n1\t6\tNaN\tNaN\n");

        var train = Load(path).Train;

        Assert.Equal(new[] { 3, 2, 1 }, train.Samples.Select(s => s.Length));
        Assert.False(train.IsEqualLength);
    }

    [Fact]
    public void Numeric_class_names_are_ordered_numerically()
    {
        var path = _temp.Write("order_TRAIN.tsv", "10\t1\n2\t1\n1\t1\n-1\t1\n");

        Assert.Equal(new[] { "-1", "1", "2", "10" }, Load(path).Train.Classes.Names);
    }

    [Fact]
    public void Without_a_test_file_the_test_set_is_empty()
    {
        var path = _temp.Write("only_TRAIN.tsv", "1\t1\t2\n");

        var split = Load(path);

        Assert.Equal(1, split.Train.Count);
        Assert.Equal(0, split.Test.Count);
        Assert.Same(split.Train.Classes, split.Test.Classes);
    }

    [Fact]
    public void Real_gunpoint_is_read_as_in_the_archive()
    {
        var split = Load(Repo.Dataset("ucr", "GunPoint", "TRAIN", "tsv"), Repo.Dataset("ucr", "GunPoint", "TEST", "tsv"));

        Assert.Equal((50, 150), (split.Train.Count, split.Test.Count));
        Assert.Equal((1, 150, 150), (split.Train.Channels, split.Train.MinLength, split.Train.MaxLength));
        Assert.Equal(new[] { "1", "2" }, split.Train.Classes.Names);
        Assert.Equal(new[] { 24, 26 }, split.Train.ClassCounts());
        Assert.Equal(-0.6478854f, split.Train.Samples[0].Values[0]);
        Assert.Equal("train-0", split.Train.Samples[0].Id);
        Assert.Equal("GunPoint_TRAIN.tsv", split.Train.Samples[0].Metadata["source"]);
    }

    [Fact]
    public void Univariate_ts_gunpoint_equals_the_tsv_files()
    {
        var tsv = Load(Repo.Dataset("ucr", "GunPoint", "TRAIN", "tsv"), Repo.Dataset("ucr", "GunPoint", "TEST", "tsv"));
        var ts = Load(Repo.Dataset("ucr", "GunPoint", "TRAIN", "ts"), Repo.Dataset("ucr", "GunPoint", "TEST", "ts"));

        foreach (var (a, b) in new[] { (tsv.Train, ts.Train), (tsv.Test, ts.Test) })
        {
            Assert.Equal(a.Count, b.Count);
            Assert.Equal(a.Classes.Names, b.Classes.Names);
            Assert.Equal(a.Labels(), b.Labels());
            for (int i = 0; i < a.Count; i++)
                Assert.Equal(a.Samples[i].Values, b.Samples[i].Values);
        }
    }

    [Fact]
    public void The_format_can_be_forced_whatever_the_extension()
    {
        var path = _temp.Write("forced_TRAIN.txt", TsHeader + "1,2,3:1\n4,5,6:2\n");

        var train = Load(path, format: "ts").Train;

        Assert.Equal(new[] { 4f, 5f, 6f }, train.Samples[1].Values);
    }

    [Fact]
    public void Multivariate_ts_is_read_channel_by_channel()
    {
        var split = Load(Repo.Dataset("uea", "BasicMotions", "TRAIN", "ts"), Repo.Dataset("uea", "BasicMotions", "TEST", "ts"));

        Assert.Equal((40, 40), (split.Train.Count, split.Test.Count));
        Assert.Equal(6, split.Train.Channels);
        Assert.Equal((100, 100), (split.Train.MinLength, split.Train.MaxLength));
        Assert.Equal(new[] { "Badminton", "Running", "Standing", "Walking" }, split.Train.Classes.Names);
        Assert.Equal(new[] { 10, 10, 10, 10 }, split.Train.ClassCounts());
        Assert.All(split.Test.Samples, s => Assert.Equal(600, s.Values.Length));
    }

    [Fact]
    public void Multivariate_ts_of_unequal_length_keeps_each_length()
    {
        var split = Load(Repo.Dataset("uea", "JapaneseVowels", "TRAIN", "ts"), Repo.Dataset("uea", "JapaneseVowels", "TEST", "ts"));

        Assert.Equal((270, 370), (split.Train.Count, split.Test.Count));
        Assert.Equal((12, 12), (split.Train.Channels, split.Test.Channels));
        Assert.Equal((7, 26), (split.Train.MinLength, split.Train.MaxLength));
        Assert.Equal((7, 29), (split.Test.MinLength, split.Test.MaxLength));
        Assert.Equal(9, split.Train.Classes.Count);
        Assert.All(split.Train.ClassCounts(), c => Assert.Equal(30, c));
        Assert.All(split.Test.Samples, s => Assert.Equal(12 * s.Length, s.Values.Length));
    }
}
