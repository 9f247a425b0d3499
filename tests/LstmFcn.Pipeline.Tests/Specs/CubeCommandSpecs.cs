using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>lstmfcn cube describe SOURCE</c>: a folder cube, a STAC API (searched through its pages) and a catalog are
/// described — tiles, bands, dates, CRS, resolution, missing files or assets — from their names and one header per
/// tile; bad input exits 2 naming what is wrong. (<c>cube regularize</c>: <see cref="RegularisationSpecs"/>.)
/// </summary>
public sealed class CubeCommandSpecs : IDisposable
{
    readonly TempFolder _temp = new();
    public void Dispose() => _temp.Dispose();

    CliResult Cube(params string[] args) => Cli.Run(_temp.Path, ["cube", .. args]);

    [Fact]
    public void A_folder_cube_is_described_from_its_file_names_and_one_header()
    {
        var result = Cube("describe", SinopPoints.Cube, "--with", $"pattern={SinopPoints.Pattern}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("23 file(s) named {satellite}_{tile}_{band}_{date}", result.Stdout);
        Assert.Contains("bands NDVI, 23 date(s) 2013-09-14 … 2014-08-29, CRS unknown (Sinusoidal), resolution 231.656, 50 × 50 px", result.Stdout);
        Assert.Contains("missing files: none", result.Stdout);
    }

    [Fact]
    public void A_folder_cube_with_a_band_short_of_a_date_names_the_missing_file()
    {
        var folder = Directory.CreateDirectory(_temp["cube"]).FullName;
        foreach (var file in Directory.GetFiles(SinopPoints.Cube).Order().Take(3))
        {
            var name = Path.GetFileName(file);
            File.Copy(file, Path.Combine(folder, name));
            if (!name.Contains("2013-09-30")) File.Copy(file, Path.Combine(folder, name.Replace("NDVI", "EVI")));
        }

        var result = Cube("describe", folder, "--with", $"pattern={SinopPoints.Pattern}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("5 file(s)", result.Stdout);
        Assert.Contains("bands EVI, NDVI, 3 date(s) 2013-09-14 … 2013-10-16", result.Stdout);
        Assert.Contains("missing files (1): EVI 2013-09-30", result.Stdout);
    }

    [Fact]
    public void A_stac_api_is_searched_page_by_page_and_each_tile_described()
    {
        using var files = new RangeHttpServer(StacCubeSpecs.Tiles.Value);
        using var api = new StacTestApi(StacCubeSpecs.Items(f => $"{files.Url}/{f}"));

        var result = Cube("describe", api.Url, "--collections", "sinop", "--datetime", "2013-09-01/2014-08-31", "--limit", "10");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(5, api.Searches);
        Assert.Contains("46 item(s) in 5 page(s)", result.Stdout);
        Assert.Contains("2 tile(s)", result.Stdout);
        Assert.Contains("tile left: 23 item(s), bands NDVI, 23 date(s) 2013-09-14 … 2014-08-29, CRS unknown (Sinusoidal), resolution 231.656, 25 × 50 px", result.Stdout);
        Assert.Contains("tile right: 23 item(s)", result.Stdout);
    }

    [Fact]
    public void A_datetime_narrows_the_search_of_a_static_catalog()
    {
        var relative = Path.GetRelativePath(_temp.Path, StacCubeSpecs.Tiles.Value);
        var collection = _temp.Write("items.json", new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "FeatureCollection",
            ["features"] = new System.Text.Json.Nodes.JsonArray(StacCubeSpecs.Items(f => $"{relative}/{f}").Select(i => (System.Text.Json.Nodes.JsonNode)i).ToArray()),
        }.ToJsonString());

        var result = Cube("describe", collection, "--datetime", "2014-01-01/2014-02-28");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("8 item(s) in 1 page(s)", result.Stdout);
        Assert.Contains("dates: 2014-01-01, 2014-01-17, 2014-02-02, 2014-02-18", result.Stdout);
    }

    [Theory]
    [InlineData("a folder that is not there", "cube folder not found")]
    [InlineData("a bad limit", "--limit many")]
    [InlineData("a STAC option on a folder", "--collections is for STAC sources")]
    [InlineData("an unknown cube parameter", "--with colour=red")]
    [InlineData("an unreachable STAC API", "the STAC server cannot be reached")]
    public void Bad_input_exits_2_naming_what_is_wrong(string what, string message)
    {
        var args = what switch
        {
            "a folder that is not there" => new[] { "describe", _temp["no-such-cube"] },
            "a bad limit" => new[] { "describe", "http://127.0.0.1:9/stac", "--limit", "many" },
            "a STAC option on a folder" => new[] { "describe", SinopPoints.Cube, "--collections", "sinop" },
            "an unknown cube parameter" => new[] { "describe", SinopPoints.Cube, "--with", "colour=red" },
            _ => new[] { "describe", "http://127.0.0.1:9/stac" },
        };

        var result = Cube(args);

        Assert.True(result.ExitCode == 2, $"{what}: {result}");
        Assert.Contains(message, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
