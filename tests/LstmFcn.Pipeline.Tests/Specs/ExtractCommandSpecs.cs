using System.Globalization;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary><c>lstmfcn extract CUBE POINTS</c>: the points' series from a cube without a model, as sits_get_data gives them.</summary>
public sealed class ExtractCommandSpecs : IDisposable
{
    readonly TempFolder _temp = new();
    public void Dispose() => _temp.Dispose();

    static string Sinop => Path.Combine(Repo.Datasets, "sits_mod13q1_sinop");

    [Fact]
    public void Points_get_the_values_sits_extracted_with_band_names_and_pixel_positions()
    {
        var result = Cli.Run(_temp.Path, "extract", Path.Combine(Sinop, "cube"), Path.Combine(Sinop, "samples", "samples_sinop_crop.csv"),
            "--with", "pattern={satellite}_{tile}_{band}_{date}", "--with", "scale=0.0001", "--output", _temp["points.csv"], "-q");

        Assert.True(result.ExitCode == 0, result.ToString());
        var ours = File.ReadAllLines(_temp["points.csv"]).Select(l => l.Split(',')).ToList();
        var sits = File.ReadAllLines(Path.Combine(Sinop, "samples", "samples_sinop_crop_extracted_ndvi.csv")).Select(l => l.Split(',')).ToList();
        Assert.Equal(sits.Count, ours.Count);
        int first = Array.IndexOf(ours[0], "NDVI_t01"), col = Array.IndexOf(ours[0], "col"), row = Array.IndexOf(ours[0], "row");
        Assert.Equal("NDVI_t23", ours[0][first + 22]);
        for (int i = 1; i < sits.Count; i++)
        {
            Assert.Equal(sits[i][1], ours[i][1]);                                   // label
            Assert.Equal((sits[i][4], sits[i][5]), (ours[i][col], ours[i][row]));   // pixel column and row
            for (int t = 0; t < 23; t++)
                Assert.Equal(double.Parse(sits[i][6 + t], CultureInfo.InvariantCulture) * 1e-4,
                    double.Parse(ours[i][first + t], CultureInfo.InvariantCulture), 6);
        }
    }

    [Fact]
    public void A_semicolon_separated_points_file_gives_the_same_series()
    {
        var points = Path.Combine(Sinop, "samples", "samples_sinop_crop.csv");
        var semicolons = _temp.Write("points-semicolon.csv", File.ReadAllText(points).Replace(',', ';'));
        CliResult Extract(string file, string output) => Cli.Run(_temp.Path, "extract", Path.Combine(Sinop, "cube"), file,
            "--with", "pattern={satellite}_{tile}_{band}_{date}", "--with", "scale=0.0001", "--output", _temp[output], "-q");

        var comma = Extract(points, "a.csv");
        var semicolon = Extract(semicolons, "b.csv");

        Assert.True(semicolon.ExitCode == 0, semicolon.ToString());
        // The same series; only the 'source' column (the file's path) differs.
        static IEnumerable<string> WithoutSource(string path) =>
            File.ReadAllLines(path).Select(l => string.Join(",", l.Split(',').Where((_, i) => i != 8)));
        Assert.Equal(WithoutSource(_temp["a.csv"]), WithoutSource(_temp["b.csv"]));
    }

    [Fact]
    public void A_parameter_cube_points_does_not_take_is_named_with_its_option()
    {
        var result = Cli.Run(_temp.Path, "extract", Path.Combine(Sinop, "cube"), Path.Combine(Sinop, "samples", "samples_sinop_crop.csv"),
            "--with", "scal=0.0001", "--output", _temp["points.csv"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--with scal=0.0001", result.Stderr);
        Assert.False(File.Exists(_temp["points.csv"]));
    }
}
