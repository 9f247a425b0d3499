using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The <c>cinc2017</c> loader reads WFDB <c>.dat</c> signal files in format 16 and 212 (most PhysioNet databases)
/// beside MATLAB v4 matrices. The records here are made by hand, byte by byte, from WFDB's signal(5) layout; the
/// first pair of format-212 samples is that of MIT-BIH record 100 (995, 1011 stored as E3 33 F3).
/// </summary>
public sealed class WfdbDatSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    TimeSeriesDataset Load(string record, string header, byte[] signal, string file)
    {
        var folder = _temp[record];
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, record + ".hea"), header);
        File.WriteAllBytes(Path.Combine(folder, file), signal);
        File.WriteAllText(Path.Combine(folder, "REFERENCE.csv"), $"{record},N\n");
        var loader = Plugins.Loader("cinc2017");
        return loader.Load(Plugins.Arguments(loader, ("data", folder)), Plugins.Context(_temp.Path)).Train;
    }

    static byte[] Int16(params short[] values) => values.SelectMany(v => new[] { (byte)(v & 0xFF), (byte)((v >> 8) & 0xFF) }).ToArray();

    [Fact]
    public void Format_16_is_little_endian_int16_interleaved_by_frame_with_gain_baseline_and_missing_samples()
    {
        // Frames (signal 0, signal 1): (0, 100), (210, -100), (missing, 32767), (-190, 0), after a 4-byte offset.
        var bytes = new byte[] { 9, 9, 9, 9 }.Concat(Int16(0, 100, 210, -100, short.MinValue, 32767, -190, 0)).ToArray();
        var data = Load("rec16", "rec16 2 500 4 10:00:00 01/02/2003\n" +
                                 "rec16.dat 16+4 200(-10)/mV 16 0 0 0 0 lead I\n" +
                                 "rec16.dat 16+4 100/mV 16 0 100 0 0 lead II\n", bytes, "rec16.dat");

        var s = data.Samples.Single();
        Assert.Equal((2, 4), (s.Channels, s.Length));
        Assert.Equal(new[] { 0.05f, 1.1f, float.NaN, -0.9f }, s.Channel(0).ToArray());
        Assert.Equal(new[] { 1f, -1f, 327.67f, 0f }, s.Channel(1).ToArray());
        Assert.Equal("500", data.Metadata["sampling_rate"]);
    }

    [Fact]
    public void Format_212_packs_two_12_bit_samples_in_three_bytes()
    {
        // (995, 1011): E3 33 F3; (−1, missing −2048): FF 8F 00; (2047, −2047): FF 87 01.
        var bytes = new byte[] { 0xE3, 0x33, 0xF3, 0xFF, 0x8F, 0x00, 0xFF, 0x87, 0x01 };
        var data = Load("rec212", "rec212 2 360 3\r\n" +
                                  "rec212.dat 212 200/mV 11 1024 995 -22131 0 MLII\r\n" +
                                  "rec212.dat 212 200/mV 11 1024 1011 20052 0 V5\r\n", bytes, "rec212.dat");

        var s = data.Samples.Single();
        Assert.Equal((2, 3), (s.Channels, s.Length));
        Assert.Equal(new[] { (float)((995 - 1024) / 200.0), (float)((-1 - 1024) / 200.0), (float)((2047 - 1024) / 200.0) }, s.Channel(0).ToArray());
        Assert.Equal(new[] { (float)((1011 - 1024) / 200.0), float.NaN, (float)((-2047 - 1024) / 200.0) }, s.Channel(1).ToArray());
    }

    [Fact]
    public void Format_212_with_an_odd_number_of_samples_reads_the_last_half_group()
    {
        // One signal, three samples 1, 2, 3: 01 00 02, then 03 0x (half a group).
        var data = Load("odd", "odd 1 250 3\nodd.dat 212 100 12 0\n", new byte[] { 0x01, 0x00, 0x02, 0x03, 0x00 }, "odd.dat");

        Assert.Equal(new[] { 0.01f, 0.02f, 0.03f }, data.Samples.Single().Values);
    }

    [Fact]
    public void A_dat_file_shorter_than_the_header_says_names_the_file_and_the_bytes()
    {
        var e = Assert.ThrowsAny<Exception>(() =>
            Load("short", "short 1 250 10\nshort.dat 16 200 16 0\n", Int16(1, 2, 3), "short.dat"));

        Assert.Equal($"{_temp["short/short.dat"]}: record short: the header declares 10 samples of 1 signal(s) in format 16 (20 bytes after byte 0), the file holds 6 bytes", e.Message);
    }

    [Fact]
    public void Other_dat_formats_are_refused_with_the_formats_that_are_read()
    {
        var e = Assert.ThrowsAny<Exception>(() => Load("f8", "f8 1 250 3\nf8.dat 8 200 8 0\n", new byte[] { 1, 2, 3 }, "f8.dat"));

        Assert.Contains("record f8: storage format 8 of 'f8.dat' is not supported; this reader reads WFDB formats 16 and 212 (or MATLAB v4 .mat)", e.Message);
    }
}
