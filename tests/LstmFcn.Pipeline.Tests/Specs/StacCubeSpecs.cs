using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// STAC cube sources on the Sinop cube cut into two tiles of 25 × 50 pixels (COGs, one NDVI asset per item, 23 dates
/// each): a STAC API's /search is paged through its 'next' links, a static catalog and an ItemCollection are read,
/// points read through a tile's items get the pixels of the same points in the local folder, and a model trained on
/// samples maps a tile through the API as it maps the same files in a folder; with irregular dates and an SCL asset the
/// two tiles regularise onto one timeline, their clouds nodata.
/// </summary>
public sealed class StacCubeSpecs : IDisposable
{
    static string SinopCube => Path.Combine(Repo.Datasets, "sits_mod13q1_sinop", "cube");
    static readonly double[] Transform = { -6064553.374, 231.656, 0, -1302586.208, 0, -231.656 };

    /// <summary>Per tile and date a COG (<see cref="SinopStacTiles"/>), made once for the class.</summary>
    internal static readonly Lazy<string> Tiles = new(() =>
        SinopStacTiles.Make(SinopCube, Path.Combine(Path.GetTempPath(), $"lstmfcn-stac-sinop-{Environment.ProcessId}")));

    readonly TempFolder _temp = new();
    readonly RangeHttpServer _files = new(Tiles.Value);

    public void Dispose()
    {
        _files.Dispose();
        _temp.Dispose();
    }

    internal static IEnumerable<(string Tile, string Date, string File)> TileFiles() => SinopStacTiles.Files(Tiles.Value);

    /// <summary>One item per tile and date; the asset's href made by <paramref name="href"/> from the file name.</summary>
    internal static List<JsonObject> Items(Func<string, string> href) => SinopStacTiles.Items(Tiles.Value, href);

    /// <summary>Points at the centres of pixels of one tile (x/y in the cube's CRS), labelled a/b.</summary>
    string Points(string tile)
    {
        int first = tile == "left" ? 0 : 25;
        var rows = Enumerable.Range(0, 12).Select(i =>
        {
            int col = first + (i * 7) % 25, row = (i * 11) % 50;
            double x = Transform[0] + Transform[1] * (col + 0.5), y = Transform[3] + Transform[5] * (row + 0.5);
            return string.Create(CultureInfo.InvariantCulture, $"{i + 1},{x},{y},{(i % 2 == 0 ? "a" : "b")}");
        });
        return _temp.Write($"points-{tile}.csv", "id,x,y,label\n" + string.Join("\n", rows) + "\n");
    }

    DatasetSplit Load(string cube, string points, params (string, object?)[] extra)
    {
        var loader = Plugins.Loader("cube-points");
        var args = new List<(string, object?)> { ("cube", cube), ("points", points), ("crs", "cube"), ("x_column", "x"), ("y_column", "y") };
        if (extra.Length > 0) args.AddRange(extra);
        else args.Add(("pattern", "{satellite}_{tile}_{band}_{date}"));
        return loader.Load(Plugins.Arguments(loader, args.ToArray()), Plugins.Context(_temp.Path));
    }

    static void SameSeries(DatasetSplit expected, DatasetSplit actual)
    {
        Assert.Equal(expected.Train.Count, actual.Train.Count);
        for (int i = 0; i < expected.Train.Count; i++)
        {
            Assert.Equal(23, actual.Train.Samples[i].Length);
            Assert.Equal(expected.Train.Samples[i].Values, actual.Train.Samples[i].Values);
        }
    }

    [Theory]
    [InlineData("left")]
    [InlineData("right")]
    public void A_tile_found_by_a_paged_search_gives_the_pixels_of_the_local_folder(string tile)
    {
        using var api = new StacTestApi(Items(f => $"{_files.Url}/{f}"));
        var stac = Load(api.Url, Points(tile), ("source", "stac"), ("stac_collections", new List<string> { "sinop" }),
            ("stac_datetime", "2013-09-01/2014-08-31"), ("stac_limit", 10), ("stac_tile", tile));
        // 46 items, 10 a page: five searches, the last four from 'next' links.
        Assert.Equal(5, api.Searches);
        SameSeries(Load(SinopCube, Points(tile)), stac);
        Assert.Equal("NDVI", stac.Train.Metadata["channels"]);
    }

    [Fact]
    public void A_datetime_interval_narrows_the_search_and_two_tiles_need_a_choice()
    {
        using var api = new StacTestApi(Items(f => $"{_files.Url}/{f}"));
        var few = Load(api.Url, Points("left"), ("source", "stac"), ("stac_datetime", "2014-01-01/2014-02-28"), ("stac_tile", "left"));
        Assert.Equal(4, few.Train.Samples[0].Length); // 2014-01-01, 01-17, 02-02, 02-18
        var e = Assert.ThrowsAny<Exception>(() => Load(api.Url, Points("left"), ("source", "stac")));
        Assert.Contains("2 tiles (left, right); choose one with cube-points.stac_tile", e.Message);
    }

    [Fact]
    public void A_static_item_collection_with_relative_hrefs_and_a_catalog_of_item_files_give_the_same_pixels()
    {
        var relative = Path.GetRelativePath(_temp.Path, Tiles.Value);
        var collection = _temp.Write("items.json", new JsonObject
        {
            ["type"] = "FeatureCollection", ["features"] = new JsonArray(Items(f => $"{relative}/{f}").Select(i => (JsonNode)i).ToArray()),
        }.ToJsonString());
        var local = Load(SinopCube, Points("right"));
        SameSeries(local, Load(collection, Points("right"), ("source", "stac"), ("stac_tile", "right")));

        Directory.CreateDirectory(_temp["catalog/items"]);
        var links = new JsonArray();
        foreach (var item in Items(f => Path.Combine(Tiles.Value, f)))
        {
            var id = item["id"]!.GetValue<string>();
            File.WriteAllText(_temp[$"catalog/items/{id}.json"], item.ToJsonString());
            links.Add(new JsonObject { ["rel"] = "item", ["href"] = $"items/{id}.json" });
        }
        var catalog = _temp.Write("catalog/catalog.json", new JsonObject { ["type"] = "Catalog", ["id"] = "sinop", ["links"] = links }.ToJsonString());
        SameSeries(local, Load(catalog, Points("right"), ("source", "stac"), ("stac_tile", "right")));
    }

    [Fact]
    public void Describe_lists_tiles_bands_dates_crs_resolution_and_missing_assets_before_reading_pixels()
    {
        var items = Items(f => $"{_files.Url}/{f}");
        items.RemoveAll(i => i["id"]!.GetValue<string>() == "right-2014-03-06");
        // An item of the right tile without its NDVI asset on 2014-03-22.
        var bare = items.First(i => i["id"]!.GetValue<string>() == "right-2014-03-22");
        bare["assets"]!.AsObject().Remove("NDVI");
        bare["assets"]!["B04"] = new JsonObject { ["href"] = $"{_files.Url}/right_MODIS_Sinop_NDVI_2014-03-22.tif", ["type"] = "image/tiff" };
        using var api = new StacTestApi(items);
        var plugin = Plugins.BuiltIn.Get("cube-points").Plugin.GetType().Assembly;
        var describe = plugin.GetType("LstmFcn.Plugins.Raster.Stac.StacCubeParameters")!.GetMethod("Describe")!;
        _files.ResetCounts();
        var text = (string)describe.Invoke(null, new object?[] { api.Url, new List<string> { "sinop" }, null, new List<string>(), 100 })!;
        Assert.True(text.Contains("45 item(s) in 1 page(s)"), text);
        Assert.True(text.Contains("tile left: 23 item(s), bands NDVI, 23 date(s) 2013-09-14 … 2014-08-29, CRS unknown (Sinusoidal), resolution 231.656"), text);
        Assert.Contains("tile right: 22 item(s), bands NDVI, RED, 22 date(s)", text);
        Assert.Contains("missing assets (22): NDVI 2014-03-22, RED 2013-09-14", text);
        // One header per tile read, no pixel block: a few small range requests.
        Assert.InRange(_files.Requests, 1, 6);
    }

    [Fact]
    public void A_model_trained_on_samples_maps_a_tile_through_stac_as_it_maps_the_same_files_as_a_folder()
    {
        var model = PipelineFiles.Run(SinopPoints.Pipeline(_temp, _temp["model"])).RunDirectory;
        var folder = Directory.CreateDirectory(_temp["left"]).FullName;
        foreach (var (tile, _, file) in TileFiles().Where(t => t.Tile == "left")) File.Copy(Path.Combine(Tiles.Value, file), Path.Combine(folder, file));
        using var api = new StacTestApi(Items(f => $"{_files.Url}/{f}"));

        var viaStac = Cli.Run(_temp.Path, "classify", model, api.Url, "--output", _temp["maps-stac"], "-q",
            "--with", "source=stac", "--with", "stac_collections=[sinop]", "--with", "stac_tile=left");
        var viaFolder = Cli.Run(_temp.Path, "classify", model, folder, "--output", _temp["maps-folder"], "-q",
            "--with", "pattern={tile}_{satellite}_{area}_{band}_{date}");

        Assert.True(viaStac.ExitCode == 0, viaStac.ToString());
        Assert.True(viaFolder.ExitCode == 0, viaFolder.ToString());
        Assert.True(api.Searches >= 1);
        foreach (var map in new[] { "classes.tif", "probabilities.tif" })
            Assert.Equal(GdalTools.PixelDigest(Path.Combine(viaFolder.Stdout.Trim(), "map", map)), GdalTools.PixelDigest(Path.Combine(viaStac.Stdout.Trim(), "map", map)));
        // Both classes of the points appear: the map is a real classification, not a constant.
        Assert.True(GdalTools.AllValues(Path.Combine(viaStac.Stdout.Trim(), "map", "classes.tif"), 25, 50).Distinct().Count() > 1);
    }

    /// <summary>Cloud (SCL 9) where (col + row + date index) % 5 == 0 in a tile's own pixels, clear (SCL 4) elsewhere.</summary>
    static bool Cloudy(int col, int row, int date) => (col + row + date) % 5 == 0;

    /// <summary>Per tile and date an SCL mask on the tile's grid (python3-gdal: the NDVI COG's georeferencing), mask_TILE_DATE.tif.</summary>
    static string Masks(string folder)
    {
        Directory.CreateDirectory(folder);
        var script = """
            import sys, numpy as np
            from osgeo import gdal
            tiles, out, dates = sys.argv[1], sys.argv[2], sys.argv[3].split(',')
            for tile in ('left', 'right'):
                for d, date in enumerate(dates):
                    src = gdal.Open(f'{tiles}/{tile}_MODIS_Sinop_NDVI_{date}.tif')
                    dst = gdal.GetDriverByName('GTiff').Create(f'{out}/mask_{tile}_{date}.tif', src.RasterXSize, src.RasterYSize, 1, gdal.GDT_Byte)
                    dst.SetGeoTransform(src.GetGeoTransform()); dst.SetProjection(src.GetProjection())
                    row, col = np.indices((src.RasterYSize, src.RasterXSize))
                    dst.GetRasterBand(1).WriteArray(np.where((col + row + d) % 5 == 0, 9, 4).astype(np.uint8))
                    dst = None
            """;
        var dates = string.Join(",", TileFiles().Where(t => t.Tile == "left").Select(t => t.Date));
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true };
        foreach (var a in new[] { "-c", script, Tiles.Value, folder, dates }) start.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(start)!;
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, error);
        return folder;
    }

    [Fact]
    public void Two_tiles_with_irregular_dates_and_a_mask_band_regularise_onto_one_timeline_with_masked_pixels_nodata()
    {
        var masks = Masks(_temp["masks"]);
        using var maskServer = new RangeHttpServer(masks);
        var dates = TileFiles().Where(t => t.Tile == "left").Select(t => DateOnly.ParseExact(t.Date, "yyyy-MM-dd")).ToList();
        // The right tile's acquisitions are 0-2 days later than the left's (d % 3): irregular, and not the same days.
        var items = Items(f => $"{_files.Url}/{f}");
        foreach (var item in items)
        {
            var tile = item["properties"]!["tile"]!.GetValue<string>();
            var date = item["id"]!.GetValue<string>()[^10..];
            int d = dates.IndexOf(DateOnly.ParseExact(date, "yyyy-MM-dd"));
            if (tile == "right") item["properties"]!["datetime"] = $"{dates[d].AddDays(d % 3):yyyy-MM-dd}T13:30:00Z";
            item["assets"]!["SCL"] = new JsonObject { ["href"] = $"{maskServer.Url}/mask_{tile}_{date}.tif", ["type"] = "image/tiff" };
        }
        using var api = new StacTestApi(items);

        string Regularise(string tile) => Cli.Run(_temp.Path, "cube", "regularize", api.Url, "--collections", "sinop", "--with", $"stac_tile={tile}",
            "--with", "scale=0.0001", "--mask-band", "CLOUD", "--period", "16", "--origin", "2013-09-14", "--output", _temp[$"regular-{tile}"],
            "--prefix", $"REG_{tile}") is { ExitCode: 0 } r ? r.Stdout.Trim() : throw new Xunit.Sdk.XunitException("regularize failed");
        var left = Regularise("left");
        var right = Regularise("right");

        // One timeline for both tiles: 22 intervals of 16 days from 2013-09-14; 2013-12-19 and 2014-01-01 share one.
        static IEnumerable<string> DatesOf(string folder) => Directory.GetFiles(folder).Select(f => f[^14..^4]).Order(StringComparer.Ordinal);
        Assert.Equal(22, DatesOf(left).Count());
        Assert.Equal(DatesOf(left), DatesOf(right));
        // By hand, per pixel: the first clear date of the interval (NDVI × 1e-4), nodata when the interval has none clear.
        var pixels = new[] { (0, 0), (1, 0), (4, 0), (3, 2), (7, 11), (24, 49) };
        foreach (var (tile, folder, offset) in new[] { ("left", left, 0), ("right", right, 25) })
            foreach (var (interval, sources) in new[] { ("2013-09-14", new[] { 0 }), ("2013-12-19", new[] { 6, 7 }), ("2014-07-31", new[] { 21 }) })
            {
                var got = GdalTools.Values(Path.Combine(folder, $"REG_{tile}_NDVI_{interval}.tif"), pixels);
                var source = sources.Select(d => GdalTools.Values(Path.Combine(SinopCube, $"MODIS_Sinop_NDVI_{dates[d]:yyyy-MM-dd}.tif"),
                    pixels.Select(p => (p.Item1 + offset, p.Item2)).ToArray())).ToList();
                for (int i = 0; i < pixels.Length; i++)
                {
                    var (c, r) = pixels[i];
                    int first = Array.FindIndex(sources, d => !Cloudy(c, r, d));
                    if (first < 0) Assert.True(double.IsNaN(got[i]), $"{tile} {interval} ({c}, {r}): {got[i]}, expected nodata");
                    else Assert.Equal(source[first][i] * 1e-4, got[i], 5);
                }
            }
    }
}
