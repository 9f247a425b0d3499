using System.Globalization;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>lstmfcn sample-design MAP --output FILE</c> on a class map of 99 pixels (20 deforestation, 48 forest, 31 other,
/// one nodata): a fixed count per class, or Olofsson's eq. 13 size for a target standard error (worked by hand here),
/// allocated in proportion to the mapped areas; every point lies on a pixel of its class; the seed fixes the draw.
/// </summary>
public sealed class SampleDesignCommandSpecs : IDisposable
{
    static readonly string[] Classes = { "deforestation", "forest", "other" };
    readonly TempFolder _temp = new();
    readonly string _map;
    readonly int[][] _rows;

    public SampleDesignCommandSpecs()
    {
        _rows = Enumerable.Range(0, 10).Select(r => Enumerable.Range(0, 10).Select(c => r < 2 ? 0 : c < 6 ? 1 : 2).ToArray()).ToArray();
        _rows[9][9] = 255;
        Directory.CreateDirectory(_temp["run/map"]);
        _map = _temp["run/map/classes.tif"];
        GdalTools.ClassMap(_map, _rows, Classes, 500_000, 8_700_300, 30, "EPSG:32721");
    }

    public void Dispose() => _temp.Dispose();

    CliResult Design(params string[] args) => Cli.Run(_temp.Path, ["sample-design", .. args, "-q"]);

    /// <summary>The CSV's points: (map class, column, row) each.</summary>
    static List<(string Class, int Col, int Row)> Points(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var head = lines[0].Split(',');
        int cls = Array.IndexOf(head, "map_class"), col = Array.IndexOf(head, "col"), row = Array.IndexOf(head, "row");
        Assert.Contains("label", head);
        return lines.Skip(1).Select(l => l.Split(',')).Select(f => (f[cls], int.Parse(f[col], CultureInfo.InvariantCulture), int.Parse(f[row], CultureInfo.InvariantCulture))).ToList();
    }

    [Fact]
    public void A_fixed_count_per_class_lies_on_its_classes_pixels_and_the_seed_fixes_it()
    {
        var result = Design(_temp["run"], "--output", _temp["a.csv"], "--per-class", "5", "--seed", "7");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(_temp["a.csv"], result.Stdout.Trim());
        var points = Points(_temp["a.csv"]);
        Assert.Equal(new[] { 5, 5, 5 }, Classes.Select(c => points.Count(p => p.Class == c)));
        foreach (var (cls, col, row) in points) Assert.Equal(cls, Classes[_rows[row][col]]);
        Assert.Equal(15, points.Distinct().Count());

        Assert.Equal(0, Design(_map, "--output", _temp["b.csv"], "--per-class", "5", "--seed", "7").ExitCode);
        Assert.Equal(File.ReadAllText(_temp["a.csv"]), File.ReadAllText(_temp["b.csv"]));
        Assert.Equal(0, Design(_map, "--output", _temp["c.csv"], "--per-class", "5", "--seed", "8").ExitCode);
        Assert.NotEqual(File.ReadAllText(_temp["a.csv"]), File.ReadAllText(_temp["c.csv"]));
    }

    [Fact]
    public void A_target_standard_error_sizes_the_sample_by_olofssons_formula()
    {
        // W = 20/99, 48/99, 31/99; S_i = sqrt(U(1-U)) for U = .7, .8, .9 → Σ W S = 0.380461; n = (0.380461 / 0.05)² = 57.9 → 58,
        // shared in proportion to W: 11.72, 28.12, 18.16 → 12, 28, 18 (largest remainders).
        var result = Design(_map, "--output", _temp["s.geojson"], "--target-se", "0.05", "--expected-ua", "0.7,0.8,0.9", "--min-per-class", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        var features = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_temp["s.geojson"])).RootElement.GetProperty("features");
        var byClass = features.EnumerateArray().GroupBy(f => f.GetProperty("properties").GetProperty("map_class").GetString()).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(58, features.GetArrayLength());
        Assert.Equal((12, 28, 18), (byClass["deforestation"], byClass["forest"], byClass["other"]));
    }

    [Theory]
    [InlineData("--per-class 0", "--per-class 0")]
    [InlineData("--per-class 3 --target-se 0.05", "give one or the other")]
    [InlineData("--expected-ua 0.7,0.8", "expected_accuracy has 2 values")]
    [InlineData("--target-se x", "--target-se x")]
    [InlineData("no map", "no such class map")]
    [InlineData("no output", "--output FILE is needed")]
    public void Bad_input_exits_2_naming_the_option_and_writes_nothing(string options, string message)
    {
        var args = new List<string> { options == "no map" ? _temp["none.tif"] : _map };
        if (options != "no output") args.AddRange(new[] { "--output", _temp["out.csv"] });
        if (options.StartsWith("--", StringComparison.Ordinal)) args.AddRange(options.Split(' '));

        var result = Design(args.ToArray());

        Assert.True(result.ExitCode == 2, $"{options}: {result}");
        Assert.Contains(message, result.Stderr);
        Assert.False(File.Exists(_temp["out.csv"]));
    }
}
