using LstmFcn.Pipeline.Tests.Support;
using LstmFcn.Samples.HedSynthetic;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>xy-spectra</c> reads a folder of diffraction spectra: files in the experiment's order (the number in the name),
/// any header length, labels by position or label file, a training subset by position; and names the file and line of
/// anything it cannot read.
/// </summary>
public sealed class HedSpectraLoaderSpecs : IDisposable
{
    readonly TempFolder _temp = new();
    public void Dispose() => _temp.Dispose();

    DatasetSplit Load(string folder, params (string, object?)[] args)
    {
        var plugin = Plugins.Loader("xy-spectra");
        return plugin.Load(Plugins.Arguments(plugin, new[] { ("data", (object?)folder) }.Concat(args).ToArray()), Plugins.Context(_temp.Path));
    }

    static string Xy(int header, params (double X, double Y)[] points) =>
        string.Concat(Enumerable.Range(0, header).Select(i => $"# header line {i + 1}: 2th_deg I\n")) +
        string.Concat(points.Select(p => $"  {p.X:F4}  {p.Y:E6}\n"));

    static (double, double)[] Points(int n, double level) => Enumerable.Range(0, n).Select(i => (10 + 0.01 * i, level + i)).ToArray();

    [Fact]
    public void Reads_synthetic_spectra_in_ramp_order_with_the_25_line_header_detected()
    {
        var folder = _temp["xy"];
        SyntheticSpectra.WriteXy(folder, new SyntheticSpectraOptions { Count = 40, Transition = 22, Points = 300, Seed = 3 });

        var split = Load(folder, ("threshold", 22), ("train_indices", new List<long> { 0, 5, 30, 39 }));

        Assert.Equal(40, split.Test.Count);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"synthetic_hed_ramp_00001_m1_{i:D4}"), split.Test.Samples.Select(s => s.Id));
        Assert.All(split.Test.Samples, s => Assert.Equal("25", s.Metadata["header_lines"]));
        Assert.All(split.Test.Samples, s => Assert.Equal(300, s.Length));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => i < 22 ? 0 : 1), split.Test.Labels());
        Assert.Equal(new[] { "0", "5", "30", "39" }, split.Train.Samples.Select(s => s.Metadata["index"]));
        Assert.Equal(new[] { 0, 0, 1, 1 }, split.Train.Labels());
        // Values are the file's intensity column, unchanged.
        var (_, intensities) = SyntheticSpectra.Generate(new SyntheticSpectraOptions { Count = 40, Transition = 22, Points = 300, Seed = 3 });
        Assert.Equal(float.Parse(intensities[5][17].ToString("E6", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture),
            split.Train.Samples[1].Values[17]);
    }

    [Fact]
    public void Orders_by_the_number_in_the_name_not_alphabetically_and_detects_any_header_length()
    {
        var folder = _temp["numbers"];
        _temp.Write("numbers/scan_10.xy", Xy(3, Points(5, 1000)));
        _temp.Write("numbers/scan_2.xy", Xy(0, Points(5, 200)));
        _temp.Write("numbers/scan_1.xy", Xy(7, Points(5, 100)));

        var split = Load(folder, ("threshold", 2));

        Assert.Equal(new[] { "scan_1", "scan_2", "scan_10" }, split.Test.Samples.Select(s => s.Id));
        Assert.Equal(new[] { "7", "0", "3" }, split.Test.Samples.Select(s => s.Metadata["header_lines"]));
        Assert.Equal(new[] { 0, 0, 1 }, split.Test.Labels());
        Assert.Equal(3, split.Train.Count); // no train_indices: every labelled spectrum
    }

    [Fact]
    public void A_ragged_line_is_an_error_naming_file_and_line()
    {
        _temp.Write("ragged/a_1.xy", Xy(2, Points(5, 10)));
        _temp.Write("ragged/a_2.xy", Xy(2, Points(3, 10)) + "  10.0300\n" + "  10.0400  5.0\n");

        var e = Assert.ThrowsAny<IOException>(() => Load(_temp["ragged"]));

        Assert.Contains("a_2.xy:6:", e.Message);
        Assert.Contains("expected two numbers", e.Message);
    }

    [Fact]
    public void A_non_numeric_value_is_an_error_naming_file_and_line()
    {
        _temp.Write("text/b_1.xy", Xy(4, Points(2, 10)) + "  10.0200  n/a\n");

        var e = Assert.ThrowsAny<IOException>(() => Load(_temp["text"]));

        Assert.Contains("b_1.xy:7:", e.Message);
        Assert.Contains("n/a", e.Message);
    }

    [Fact]
    public void Spectra_of_different_lengths_are_an_error_naming_the_file()
    {
        _temp.Write("lengths/c_1.xy", Xy(1, Points(5, 10)));
        _temp.Write("lengths/c_2.xy", Xy(1, Points(4, 10)));

        var e = Assert.ThrowsAny<IOException>(() => Load(_temp["lengths"]));

        Assert.Contains("c_2.xy", e.Message);
        Assert.Contains("same 2θ grid", e.Message);
    }

    [Fact]
    public void A_file_without_data_lines_is_an_error()
    {
        _temp.Write("empty/d_1.xy", "# only\n# a header\n");

        var e = Assert.ThrowsAny<IOException>(() => Load(_temp["empty"]));

        Assert.Contains("d_1.xy: no data line", e.Message);
    }

    [Fact]
    public void Labels_can_come_from_a_label_file_by_name_or_position()
    {
        for (int i = 1; i <= 4; i++) _temp.Write($"labelled/e_{i}.xy", Xy(1, Points(5, 10 * i)));
        var labels = _temp.Write("labels.csv", "file,phase\ne_1.xy,low\n3,high\ne_2,high\n");

        var split = Load(_temp["labelled"], ("labels", labels), ("classes", new List<string> { "low", "high" }));

        Assert.Equal(new[] { 0, 1, TimeSeriesSample.Unlabelled, 1 }, split.Test.Labels());
        Assert.Equal(new[] { "e_1", "e_2", "e_4" }, split.Train.Samples.Select(s => s.Id));
    }

    [Fact]
    public void A_training_index_outside_the_folder_is_an_error_naming_the_parameter()
    {
        for (int i = 1; i <= 3; i++) _temp.Write($"few/f_{i}.xy", Xy(1, Points(5, 10)));

        var e = Assert.Throws<ArgumentException>(() => Load(_temp["few"], ("train_indices", new List<long> { 0, 3 })));

        Assert.Contains("train_indices", e.Message);
        Assert.Contains("0..2", e.Message);
    }

    [Fact]
    public void Two_theta_crop_keeps_the_window_and_updates_the_grid()
    {
        _temp.Write("crop/g_1.xy", Xy(2, Points(100, 0)));   // 2θ 10.00 … 10.99, values 0 … 99
        var data = Load(_temp["crop"]).Test;
        var plugin = Plugins.Preprocessor("two-theta-crop");
        var fitted = plugin.Fit(data, Plugins.Arguments(plugin, ("from", 10.2), ("length", 30)), Plugins.Context(_temp.Path));

        var s = fitted.Transform(data).Samples[0];

        Assert.Equal(Enumerable.Range(20, 30).Select(v => (float)v), s.Values);
        Assert.Equal(10.2, double.Parse(s.Metadata["two_theta_first"], System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal(10.49, double.Parse(s.Metadata["two_theta_last"], System.Globalization.CultureInfo.InvariantCulture), 6);
    }
}
