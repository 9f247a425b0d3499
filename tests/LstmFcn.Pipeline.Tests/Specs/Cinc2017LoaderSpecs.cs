using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The <c>cinc2017</c> loader reads PhysioNet/CinC 2017 records — a WFDB header and the MATLAB v4 int16 matrix it
/// names — in millivolts, labelled by a reference file. A record it cannot read is reported with the file, the record
/// and what was expected; header and matrix must agree. Expected values come from an independent parse with
/// scipy.io.loadmat(record)['val'] / 1000.
/// </summary>
public sealed class Cinc2017LoaderSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    static string Validation
    {
        get
        {
            var path = Path.Combine(Repo.Datasets, "cinc2017_af", "validation");
            if (!File.Exists(Path.Combine(path, "REFERENCE.csv")))
                throw new DirectoryNotFoundException($"real dataset missing: {path} (the shared datasets are expected beside the repository)");
            return path;
        }
    }

    DatasetSplit Load(string data, params (string, object?)[] args)
    {
        var loader = Plugins.Loader("cinc2017");
        return loader.Load(Plugins.Arguments(loader, args.Prepend(("data", data)).ToArray()), Plugins.Context(_temp.Path));
    }

    /// <summary>A folder holding copies of some real records and a REFERENCE.csv for them (CRLF, as the original).</summary>
    string CopyRecords(string folder, params (string Record, string Label)[] records)
    {
        var path = _temp[folder];
        Directory.CreateDirectory(path);
        foreach (var (record, _) in records)
            foreach (var ext in new[] { ".hea", ".mat" })
                File.Copy(Path.Combine(Validation, record + ext), Path.Combine(path, record + ext));
        File.WriteAllText(Path.Combine(path, "REFERENCE.csv"), string.Concat(records.Select(r => $"{r.Record},{r.Label}\r\n")));
        return path;
    }

    string Error(string data, params (string, object?)[] args)
    {
        var e = Assert.ThrowsAny<Exception>(() => Load(data, args));
        return e.Message;
    }

    // ----- the real 300-record set -----

    [Fact]
    public void Loads_all_300_records_with_their_class_counts_and_no_test_set()
    {
        var split = Load(Validation);

        Assert.Equal(300, split.Train.Count);
        Assert.Equal(new[] { "Normal", "AF", "Other", "Noisy" }, split.Train.Classes.Names);
        Assert.Equal(new[] { 150, 50, 70, 30 }, split.Train.ClassCounts());
        Assert.Equal(0, split.Test.Count);
        Assert.Equal(split.Train.Classes.Names, split.Test.Classes.Names);
        Assert.Equal(1, split.Train.Channels);
        // Lengths are kept as recorded: 10 s to 60.6 s at 300 Hz.
        Assert.Equal((3002, 18170), (split.Train.MinLength, split.Train.MaxLength));
        Assert.Equal(3002, split.Train.Samples.Single(s => s.Id == "A00093").Length);
    }

    [Fact]
    public void Values_are_millivolts_matching_an_independent_parse()
    {
        var split = Load(Validation);
        var a00001 = split.Train.Samples.Single(s => s.Id == "A00001");
        var a00005 = split.Train.Samples.Single(s => s.Id == "A00005");
        var a04805 = split.Train.Samples.Single(s => s.Id == "A04805");
        var a00105 = split.Train.Samples.Single(s => s.Id == "A00105");

        Assert.Equal(9000, a00001.Length);
        Assert.Equal(new[] { -0.127f, -0.162f, -0.197f }, a00001.Values[..3]);
        Assert.Equal(-0.047f, a00001.Values[4500]);
        Assert.Equal(-0.021f, a00001.Values[^1]);
        Assert.Equal((-0.754f, 0.946f), (a00001.Values.Min(), a00001.Values.Max()));
        Assert.Equal(167.125, a00001.Values.Sum(v => (double)v), 1e-4);

        Assert.Equal(18000, a00005.Length);
        Assert.Equal(new[] { -0.188f, -0.239f, -0.274f }, a00005.Values[..3]);
        Assert.Equal(0.135f, a00005.Values[4500]);
        Assert.Equal(0f, a00005.Values[^1]);
        Assert.Equal(374.752, a00005.Values.Sum(v => (double)v), 1e-4);

        Assert.Equal(new[] { -0.268f, -0.325f, -0.383f }, a04805.Values[..3]);
        Assert.Equal((-1.544f, 4.651f), (a04805.Values.Min(), a04805.Values.Max()));
        Assert.Equal(414.263, a04805.Values.Sum(v => (double)v), 1e-4);

        Assert.Equal(18170, a00105.Length);
        Assert.Equal(-0.077f, a00105.Values[^1]);
        Assert.Equal(214.98, a00105.Values.Sum(v => (double)v), 1e-4);
    }

    [Fact]
    public void Labels_come_from_the_reference_file_and_every_series_carries_its_metadata()
    {
        var split = Load(Validation);
        var classes = split.Train.Classes;
        var byId = split.Train.Samples.ToDictionary(s => s.Id);

        Assert.Equal("Normal", classes[byId["A00001"].Label]);
        Assert.Equal("Other", classes[byId["A00005"].Label]);
        Assert.Equal("AF", classes[byId["A00100"].Label]);
        var m = byId["A00005"].Metadata;
        Assert.Equal("A00005", m["record"]);
        Assert.Equal("300", m["sampling_rate"]);
        Assert.Equal(Path.Combine(Validation, "A00005.mat"), m["source"]);
        Assert.Equal("O", m["label_code"]);
        Assert.Equal("mV", m["units"]);
        Assert.Equal("300", split.Train.Metadata["sampling_rate"]);
    }

    [Fact]
    public void Another_label_file_relabels_the_records_it_lists()
    {
        // Two of the 14 records the challenge's later reference relabels: A00005 O -> A, A00100 A -> O.
        var labels = _temp.Write("later.csv", "A00005,A\r\nA00100,O\r\nA00001,N\r\n");

        var split = Load(Validation, ("labels", labels));

        Assert.Equal(new[] { "A00005", "A00100", "A00001" }, split.Train.Samples.Select(s => s.Id));
        Assert.Equal(new[] { "AF", "Other", "Normal" }, split.Train.Samples.Select(s => split.Train.Classes[s.Label]));
        // Only classes that occur, in the order the classes parameter declares them.
        Assert.Equal(new[] { "Normal", "AF", "Other" }, split.Train.Classes.Names);
    }

    [Fact]
    public void Codes_that_share_a_name_merge_into_one_class()
    {
        var split = Load(Validation, ("classes", new List<string> { "A=AF", "N=Rest", "O=Rest", "~=Rest" }));

        Assert.Equal(new[] { "AF", "Rest" }, split.Train.Classes.Names);
        Assert.Equal(new[] { 50, 250 }, split.Train.ClassCounts());
    }

    [Fact]
    public void A_record_list_moves_those_records_to_the_test_set()
    {
        var list = _temp.Write("RECORDS", "A00001\nA00005\n\nA00100");

        var split = Load(Validation, ("test_records", list));

        Assert.Equal(297, split.Train.Count);
        Assert.Equal(new[] { "A00001", "A00005", "A00100" }, split.Test.Samples.Select(s => s.Id));
        Assert.DoesNotContain(split.Train.Samples, s => s.Id is "A00001" or "A00005" or "A00100");
        Assert.Same(split.Train.Classes, split.Test.Classes);
    }

    [Fact]
    public void A_test_folder_is_read_with_its_own_reference_file()
    {
        var train = CopyRecords("train", ("A00001", "N"), ("A00100", "A"));
        var test = CopyRecords("test", ("A00005", "O"));

        var split = Load(train, ("test", test));

        Assert.Equal(new[] { "A00001", "A00100" }, split.Train.Samples.Select(s => s.Id));
        Assert.Equal("Other", split.Test.Classes[split.Test.Samples.Single().Label]);
        Assert.Equal(18000, split.Test.Samples.Single().Length);
    }

    // ----- what cannot be read -----

    [Fact]
    public void A_missing_signal_file_names_the_record_and_the_header_line()
    {
        var data = CopyRecords("d", ("A00001", "N"), ("A00002", "N"));
        File.Delete(Path.Combine(data, "A00002.mat"));

        var message = Error(data);

        Assert.Equal($"{data}/A00002.mat: signal file of record A00002 not found (named in {data}/A00002.hea:2)", message);
    }

    [Fact]
    public void A_missing_header_names_the_record()
    {
        var data = CopyRecords("d", ("A00001", "N"));
        File.AppendAllText(Path.Combine(data, "REFERENCE.csv"), "A09999,N\r\n");

        Assert.Equal($"{data}/A09999.hea: header of record A09999 not found", Error(data));
    }

    [Fact]
    public void A_truncated_matrix_says_how_many_bytes_it_needs()
    {
        var data = CopyRecords("d", ("A00001", "N"));
        var mat = Path.Combine(data, "A00001.mat");
        var bytes = File.ReadAllBytes(mat);
        File.WriteAllBytes(mat, bytes[..1024]);

        Assert.Equal($"{mat}: record A00001: truncated MAT-file: matrix 'val' is 1 × 9000 int16 (18000 bytes from byte 24), the file has 1000 bytes there",
            Error(data));
    }

    [Fact]
    public void A_file_that_is_not_a_mat_file_is_refused()
    {
        var data = CopyRecords("d", ("A00001", "N"));
        var mat = Path.Combine(data, "A00001.mat");
        File.WriteAllText(mat, "this is not a MAT-file at all");

        Assert.StartsWith($"{mat}: record A00001: not a MATLAB v4 MAT-file: type code", Error(data));
    }

    [Fact]
    public void A_matrix_of_another_precision_disagrees_with_the_header()
    {
        var data = CopyRecords("d", ("A00001", "N"));
        var mat = Path.Combine(data, "A00001.mat");
        var bytes = File.ReadAllBytes(mat);
        bytes[0] = 40; // type 40: little-endian uint16 instead of int16
        File.WriteAllBytes(mat, bytes);

        Assert.Equal($"{mat}: record A00001: A00001.hea line 2 says format 16 (int16), the matrix 'val' holds uint16 (type code 40)", Error(data));
    }

    [Theory]
    [InlineData("A00001 1 300 9001 2014-05-08 05:05:15", "A00001.mat 16+24 1000/mV 16 0 -127 0 0 ECG",
        "{mat}: record A00001: the header declares 9001 samples, the matrix 'val' has 9000 column(s)")]
    [InlineData("A00001 2 300 9000", "A00001.mat 16+24 1000/mV 16 0 -127 0 0 ECG\r\nA00001.mat 16+24 1000/mV 16 0 0 0 0 ECG2",
        "{mat}: record A00001: the header declares 2 signal(s), the matrix 'val' has 1 row(s)")]
    [InlineData("A00001 1 300 9000", "A00001.mat 16+32 1000/mV 16 0 -127 0 0 ECG",
        "{mat}: record A00001: A00001.hea line 2 says samples start at byte 32, the matrix 'val' starts them at byte 24")]
    [InlineData("A00001 1 300 9000", "A00001.mat 212 1000/mV 16 0 -127 0 0 ECG",
        "{hea}:2: record A00001: storage format 212 is not supported; a MAT-file signal needs 16 (int16 little-endian) or 61 (big-endian)")]
    [InlineData("A00001 1 300 9000", "A00001.mat 61+24 1000/mV 16 0 -127 0 0 ECG",
        "{mat}: record A00001: A00001.hea line 2 says format 61 (big-endian), the matrix is little-endian (type code 30)")]
    [InlineData("A00002 1 300 9000", "A00001.mat 16+24 1000/mV 16 0 -127 0 0 ECG",
        "{hea}: the header names record 'A00002', expected 'A00001' (the file's name)")]
    [InlineData("A00001 1 300 9000", "A00001.mat 16+24 abc/mV 16 0 -127 0 0 ECG",
        "{hea}:2: field 3 must be an ADC gain such as '1000/mV', found 'abc/mV'")]
    [InlineData("A00001 one 300 9000", "A00001.mat 16+24 1000/mV 16 0 -127 0 0 ECG",
        "{hea}:1: field 2 of the record line must be the number of signals, found 'one'")]
    public void A_header_that_disagrees_with_its_matrix_or_cannot_be_read_is_reported(string recordLine, string signalLines, string expected)
    {
        var data = CopyRecords("d", ("A00001", "N"));
        var hea = Path.Combine(data, "A00001.hea");
        File.WriteAllText(hea, $"{recordLine}\r\n{signalLines}\r\n");

        Assert.Equal(expected.Replace("{mat}", Path.Combine(data, "A00001.mat")).Replace("{hea}", hea), Error(data));
    }

    [Fact]
    public void Gain_and_baseline_from_the_header_convert_to_physical_units()
    {
        var data = CopyRecords("d", ("A00001", "N"));
        File.WriteAllText(Path.Combine(data, "A00001.hea"), "# converted by hand\nA00001 1 250 9000\nA00001.mat 16+24 200(-27)/uV 16 0\n");

        var s = Load(data).Train.Samples.Single();

        // (adc − baseline) / gain: (−127 + 27) / 200.
        Assert.Equal(-0.5f, s.Values[0]);
        Assert.Equal("250", s.Metadata["sampling_rate"]);
        Assert.Equal("uV", s.Metadata["units"]);
    }

    [Fact]
    public void An_unknown_label_names_the_file_line_and_record()
    {
        var data = CopyRecords("d", ("A00001", "N"), ("A00002", "X"));

        Assert.Equal($"{data}/REFERENCE.csv:2: record A00002: unknown label 'X' (classes maps 'N', 'A', 'O', '~')", Error(data));
    }

    [Theory]
    [InlineData("A00001,N\r\nA00002,N,extra\r\n", "{labels}:2: expected 'record,label' (2 fields), found 3 field(s): 'A00002,N,extra'")]
    [InlineData("A00001,N\r\nA00001,A\r\n", "{labels}:2: record A00001 is listed again (first on line 1)")]
    [InlineData("A00001,\r\n", "{labels}:1: record A00001: empty label in field 2")]
    [InlineData("\r\n\r\n", "{labels}: the label file is empty: expected one 'record,label' line per record")]
    public void A_malformed_reference_file_is_reported_with_its_line(string content, string expected)
    {
        var data = CopyRecords("d", ("A00001", "N"));
        var labels = _temp.Write("labels.csv", content);

        Assert.Equal(expected.Replace("{labels}", labels), Error(data, ("labels", labels)));
    }

    [Fact]
    public void A_listed_test_record_that_is_not_labelled_is_reported()
    {
        var list = _temp.Write("RECORDS", "A00001\nB12345\n");

        Assert.Equal($"{list}:2: record B12345 is not in the label file {Validation}/REFERENCE.csv", Error(Validation, ("test_records", list)));
    }

    [Fact]
    public void A_classes_entry_without_a_code_is_refused()
    {
        Assert.Equal("test (cinc2017): classes entry 'Normal' must read 'code=name', e.g. 'A=AF'",
            Error(Validation, ("classes", new List<string> { "Normal" })));
    }

    // ----- the 7 528-record training folder's files -----

    static string Training => Path.Combine(Repo.Datasets, "cinc2017_af", "training");

    [Fact]
    public void The_original_label_file_with_its_NAME_TYPE_header_is_read_as_labels()
    {
        var data = CopyRecords("d", ("A00001", "N"), ("A00005", "A"));
        var original = _temp.Write("original.csv", "NAME,TYPE\nA00001,O\nA00005,~\n");

        var split = Load(data, ("labels", original));

        Assert.Equal(new[] { "Other", "Noisy" }, split.Train.Samples.Select(s => split.Train.Classes.Names[s.Label]));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void The_training_folders_original_label_file_reads_with_LF_or_CRLF(string newline)
    {
        // Its first three records (header NAME,TYPE, LF as shipped), here with either line end.
        var lines = File.ReadLines(Path.Combine(Training, "REFERENCE-original.csv")).Take(4).ToList();
        Assert.Equal("NAME,TYPE", lines[0]);
        var records = lines.Skip(1).Select(l => l.Split(',')[0]).ToArray();
        var data = CopyRecords("d", records.Select(r => (r, "N")).ToArray());
        var original = _temp.Write("original.csv", string.Join(newline, lines) + newline);

        var split = Load(data, ("labels", original));

        Assert.Equal(records, split.Train.Samples.Select(s => s.Id));
        Assert.Equal(lines.Skip(1).Select(l => l.Split(',')[1]), split.Train.Samples.Select(s => s.Metadata["label_code"]));
    }

    [Fact]
    public void Headers_with_either_date_format_and_either_line_end_read_the_same_record()
    {
        // validation/: CRLF and "9000 2014-05-08 05:05:15"; training/: LF and "9000 05:05:15 1/05/2000".
        Assert.Contains("\r\n", File.ReadAllText(Path.Combine(Validation, "A00001.hea")));
        Assert.DoesNotContain("\r", File.ReadAllText(Path.Combine(Training, "A00001.hea")));
        var fromValidation = Load(CopyRecords("v", ("A00001", "N"))).Train.Samples.Single();
        var copy = _temp["t"];
        Directory.CreateDirectory(copy);
        foreach (var ext in new[] { ".hea", ".mat" }) File.Copy(Path.Combine(Training, "A00001" + ext), Path.Combine(copy, "A00001" + ext));
        File.WriteAllText(Path.Combine(copy, "REFERENCE.csv"), "A00001,N\n");
        var fromTraining = Load(copy).Train.Samples.Single();

        Assert.Equal(9000, fromTraining.Length);
        Assert.Equal(fromValidation.Values, fromTraining.Values);
    }
}
