using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>lstmfcn classify MODEL CUBE</c>: a saved model maps a cube without a training part, and the cube's bands and
/// dates are held against those the model was trained on before anything is written.
/// </summary>
public sealed class ClassifyCommandSpecs : IDisposable
{
    readonly TempFolder _temp = new();
    public void Dispose() => _temp.Dispose();

    static string Sinop => Path.Combine(Repo.Datasets, "sits_mod13q1_sinop");
    static string SinopCube => Path.Combine(Sinop, "cube");

    /// <summary>1-NN on the 12 Sinop points read from the cube; with <paramref name="map"/> the run maps the cube too.</summary>
    string Train(bool map = false) => PipelineFiles.Run(SinopPoints.Pipeline(_temp, _temp["runs"],
        extra: map ? $"map: [{{plugin: cube-classify, with: {{cube: {SinopCube}, pattern: \"{SinopPoints.Pattern}\", scale: 0.0001}}}}, cube-label]" : "")).RunDirectory;

    /// <summary>A copy of the Sinop cube with each file's name changed by <paramref name="rename"/> (null drops the file).</summary>
    string CubeCopy(string name, Func<string, string?> rename)
    {
        var folder = Directory.CreateDirectory(_temp[name]).FullName;
        foreach (var file in Directory.GetFiles(SinopCube))
            if (rename(Path.GetFileName(file)) is { } renamed) File.Copy(file, Path.Combine(folder, renamed));
        return folder;
    }

    /// <summary>MODIS_Sinop_NDVI_2013-09-14.tif → the same day <paramref name="years"/> later.</summary>
    static string Shifted(string file, int years)
    {
        var date = DateOnly.ParseExact(file[^14..^4], "yyyy-MM-dd");
        return $"{file[..^14]}{date.AddYears(years):yyyy-MM-dd}.tif";
    }

    CliResult Classify(string model, string cube, params string[] options) =>
        Cli.Run(_temp.Path, ["classify", model, cube, "--output", _temp["maps"], "-q", .. options]);

    string MapOf(CliResult result, string file) => Path.Combine(result.Stdout.Trim(), "map", file);

    [Fact]
    public void A_saved_model_maps_a_cube_as_the_run_that_trained_it_did()
    {
        var run = Train(map: true);

        var result = Classify(run, SinopCube, "--smooth", "--uncertainty", "entropy");

        Assert.True(result.ExitCode == 0, result.ToString());
        // The file naming and scale come from the model's cube-points loader; the bands and dates from the model.
        Assert.Equal(File.ReadAllBytes(Path.Combine(run, "map", "classes.tif")), File.ReadAllBytes(MapOf(Classify(run, SinopCube), "classes.tif")));
        foreach (var file in new[] { "probabilities.tif", "probabilities-smoothed.tif", "classes.tif", "uncertainty.tif", "quicklook.png" })
            Assert.True(File.Exists(MapOf(result, file)), file);
        Assert.False(File.Exists(Path.Combine(result.Stdout.Trim(), "metrics.json")), "a map-only run has nothing to score");
    }

    [Fact]
    public void A_cube_a_year_later_is_refused_naming_the_date_and_nothing_is_written()
    {
        var model = Train();
        var later = CubeCopy("cube-2014", f => Shifted(f, 1));

        var result = Classify(model, later);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("date 1 is 2014-09-14, the model's is 2013-09-14", result.Stderr);
        Assert.Contains("same-season", result.Stderr);
        Assert.False(Directory.Exists(_temp["maps"]), "nothing may be written for a cube the model cannot take");
    }

    [Fact]
    public void Same_season_accepts_the_same_days_of_another_year_and_maps_them_alike()
    {
        var model = Train();
        var later = CubeCopy("cube-2014", f => Shifted(f, 1));

        var same = Classify(model, SinopCube);
        var shifted = Classify(model, later, "--with", "timeline=same-season");

        Assert.True(shifted.ExitCode == 0, shifted.ToString());
        Assert.Equal(File.ReadAllBytes(MapOf(same, "classes.tif")), File.ReadAllBytes(MapOf(shifted, "classes.tif")));
    }

    [Fact]
    public void A_missing_date_is_named()
    {
        var model = Train();
        var gap = CubeCopy("cube-gap", f => f.EndsWith("2014-03-06.tif") ? null : f);

        var result = Classify(model, gap);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("2014-03-22, the model's is 2014-03-06", result.Stderr);
        Assert.False(Directory.Exists(_temp["maps"]));
    }

    [Fact]
    public void Bands_other_than_the_models_are_refused_and_extra_bands_in_the_cube_are_left_out()
    {
        var model = Train();
        var twoBands = CubeCopy("cube-2", f => f);
        foreach (var file in Directory.GetFiles(SinopCube))
            File.Copy(file, Path.Combine(twoBands, Path.GetFileName(file).Replace("NDVI", "EVI")));

        var asked = Classify(model, twoBands, "--with", "bands=[NDVI, EVI]");
        var chosen = Classify(model, twoBands);

        Assert.Equal(2, asked.ExitCode);
        Assert.Contains("the model was trained on [NDVI]", asked.Stderr);
        Assert.Contains("cube-classify.bands [NDVI, EVI]", asked.Stderr);
        Assert.True(chosen.ExitCode == 0, chosen.ToString());
        Assert.Equal(File.ReadAllBytes(MapOf(Classify(model, SinopCube), "classes.tif")), File.ReadAllBytes(MapOf(chosen, "classes.tif")));
    }

    /// <summary>
    /// The Sinop cube as two bands, one file per band per date: NDVI as it is and a second band "EVI" holding the next
    /// date's NDVI (so that a swap of bands or dates would change the map).
    /// </summary>
    string TwoBandCube()
    {
        var dates = Directory.GetFiles(SinopCube).Order(StringComparer.Ordinal).ToList();
        return CubeCopy("cube-2-bands", f =>
        {
            var i = dates.IndexOf(Path.Combine(SinopCube, f));
            File.Copy(dates[(i + 1) % dates.Count], Path.Combine(_temp["cube-2-bands"], f.Replace("NDVI", "EVI")));
            return f;
        });
    }

    /// <summary>The same cube as one GeoTIFF per date holding both bands (NDVI, EVI), named MODIS_Sinop_DATE.tif.</summary>
    string MultiBandCopy(string singleBand)
    {
        var folder = Directory.CreateDirectory(_temp["cube-multi-band"]).FullName;
        foreach (var ndvi in Directory.GetFiles(singleBand, "*_NDVI_*.tif"))
        {
            var date = Path.GetFileNameWithoutExtension(ndvi)[^10..];
            var vrt = Path.Combine(_temp.Path, $"stack-{date}.vrt");
            GdalTools.Run("gdalbuildvrt", "-q", "-separate", vrt, ndvi, ndvi.Replace("_NDVI_", "_EVI_"));
            GdalTools.Run("gdal_translate", "-q", vrt, Path.Combine(folder, $"MODIS_Sinop_{date}.tif"));
        }
        return folder;
    }

    /// <summary>Whether two rasters hold the same values in every band and pixel (GDAL's Python binding reads them).</summary>
    static bool SamePixels(string a, string b)
    {
        using var check = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-c", "import sys; from osgeo import gdal; import numpy as np; " +
                                   "print(int(np.array_equal(gdal.Open(sys.argv[1]).ReadAsArray(), gdal.Open(sys.argv[2]).ReadAsArray(), equal_nan=True)))", a, b },
            RedirectStandardOutput = true,
        })!;
        var output = check.StandardOutput.ReadToEnd().Trim();
        check.WaitForExit();
        Assert.True(output is "0" or "1", $"comparing {a} and {b}: {output}");
        return output == "1";
    }

    [Fact]
    public void A_cube_of_multi_band_files_maps_as_the_same_data_in_single_band_files()
    {
        var twoBands = TwoBandCube();
        var model = PipelineFiles.Run(SinopPoints.Pipeline(_temp, _temp["runs"], cube: twoBands)).RunDirectory;
        var multiBand = MultiBandCopy(twoBands);

        var single = Classify(model, twoBands);
        var multi = Classify(model, multiBand, "--with", "pattern={satellite}_{tile}_{date}", "--with", "band_names=[NDVI, EVI]");

        Assert.True(multi.ExitCode == 0, multi.ToString());
        foreach (var file in new[] { "probabilities.tif", "classes.tif" })
            Assert.True(SamePixels(MapOf(single, file), MapOf(multi, file)), file);
        // The bands were read by name, not by position: naming them the other way round maps other values.
        var swapped = Classify(model, multiBand, "--with", "pattern={satellite}_{tile}_{date}", "--with", "band_names=[EVI, NDVI]");
        Assert.True(swapped.ExitCode == 0, swapped.ToString());
        Assert.False(SamePixels(MapOf(single, "probabilities.tif"), MapOf(swapped, "probabilities.tif")));
    }

    /// <summary>The model batch a map run reports in its log ("model batch N px").</summary>
    static int ModelBatchOf(CliResult result)
    {
        var log = File.ReadAllText(Path.Combine(result.Stdout.Trim().Split('\n')[^1].Trim(), "run.log"));
        var match = System.Text.RegularExpressions.Regex.Match(log, @"model batch (\d+) px");
        Assert.True(match.Success, log);
        return int.Parse(match.Groups[1].Value);
    }

    [Fact]
    public void Memory_mb_caps_the_model_batch_and_the_map_stays_the_same()
    {
        // MiniRocket holds ~40 KB of features per pixel: the batch is what memory_mb makes room for.
        var model = PipelineFiles.Run(SinopPoints.Pipeline(_temp, _temp["runs"], model: "minirocket")).RunDirectory;

        var roomy = Classify(model, SinopCube);
        var tight = Classify(model, SinopCube, "--with", "memory_mb=16");

        Assert.True(tight.ExitCode == 0, tight.ToString());
        Assert.InRange(ModelBatchOf(tight), 16, 8 * 1024 * 1024 / 40_000);
        Assert.InRange(ModelBatchOf(roomy), 4 * ModelBatchOf(tight), 8192);
        Assert.True(SamePixels(MapOf(roomy, "probabilities.tif"), MapOf(tight, "probabilities.tif")));
    }

    [Fact]
    public void Multi_band_files_without_band_names_are_refused_naming_the_file()
    {
        var twoBands = TwoBandCube();
        var model = PipelineFiles.Run(SinopPoints.Pipeline(_temp, _temp["runs"], cube: twoBands)).RunDirectory;
        var multiBand = MultiBandCopy(twoBands);

        var unnamed = Classify(model, multiBand, "--with", "pattern={satellite}_{tile}_{date}");
        var tooFew = Classify(model, multiBand, "--with", "pattern={satellite}_{tile}_{date}", "--with", "band_names=[NDVI]");
        var asSingle = Cli.Run(_temp.Path, "extract", multiBand, SinopPoints.Points, "--output", _temp["maps"], "--with", "pattern={satellite}_{band}_{date}");

        Assert.Equal(2, unnamed.ExitCode);
        Assert.Contains("MODIS_Sinop_2013-09-14.tif", unnamed.Stderr);
        Assert.Contains("band_names", unnamed.Stderr);
        Assert.Equal(2, tooFew.ExitCode);
        Assert.Contains("has 2 band(s), band_names names 1", tooFew.Stderr);
        Assert.NotEqual(0, asSingle.ExitCode);
        Assert.Contains("leave {band} out of the pattern", asSingle.Stderr);
        Assert.False(Directory.Exists(_temp["maps"]) || File.Exists(_temp["maps"]), "nothing may be written for a cube that cannot be read");
    }

    /// <summary>A probability map's values (class-major, NaN where masked) read through the raster plugin's own reader.</summary>
    static float[] Probabilities(string path, int x, int y, int width, int height)
    {
        var assembly = Plugins.BuiltIn.Get("cube-classify").Plugin.GetType().Assembly;
        var files = assembly.GetType("LstmFcn.Plugins.Raster.Gdal.GdalRasterFiles")!.GetProperty("Instance")!.GetValue(null)!;
        using var reader = (IDisposable)Activator.CreateInstance(assembly.GetType("LstmFcn.Plugins.Raster.Maps.ProbabilityMapReader")!, files, path)!;
        return (float[])reader.GetType().GetMethod("Read")!.Invoke(reader, [x, y, width, height])!;
    }

    [Fact]
    public void A_region_of_interest_maps_what_the_full_map_has_there()
    {
        var model = Train();
        var full = Classify(model, SinopCube);
        // Columns 10..29 and rows 5..24 of the cube, as coordinates in its CRS (pixel corners, nudged inside).
        var grid = Probe.GeoTransform(Path.Combine(full.Stdout.Trim(), "map", "probabilities.tif"));
        double X(double col) => grid[0] + col * grid[1];
        double Y(double row) => grid[3] + row * grid[5];
        var roi = string.Join(",", new[] { X(10.2), Y(24.8), X(29.8), Y(5.2) }.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

        var cropped = Classify(model, SinopCube, "--roi", roi);

        Assert.True(cropped.ExitCode == 0, cropped.ToString());
        Assert.Equal(Probabilities(MapOf(full, "probabilities.tif"), 10, 5, 20, 20), Probabilities(MapOf(cropped, "probabilities.tif"), 0, 0, 20, 20));
        var croppedGrid = Probe.GeoTransform(MapOf(cropped, "probabilities.tif"));
        Assert.Equal(X(10), croppedGrid[0], 6);
        Assert.Equal(Y(5), croppedGrid[3], 6);
        Assert.Equal((20, 20), Probe.Size(MapOf(cropped, "probabilities.tif")));
    }

    [Fact]
    public void A_polygon_region_maps_its_pixels_as_the_full_map_and_leaves_the_rest_of_its_box_nodata()
    {
        var model = Train();
        var full = Classify(model, SinopCube);
        var grid = Probe.GeoTransform(MapOf(full, "probabilities.tif"));
        // A triangle drawn in pixels of the cube, written as lon/lat GeoJSON (gdaltransform: the cube's CRS → EPSG:4326).
        (double C, double R)[] triangle = [(10.2, 5.2), (39.8, 5.2), (10.2, 30.3)];
        var wkt = File.ReadAllText(Path.Combine(Repo.Root, "benchmarks", "raster", "make-tiled-cube.sh")).Split("wkt='")[1].Split('\'')[0];
        var lonLat = GdalTools.Transform(wkt, "EPSG:4326", triangle.Select(p => (grid[0] + p.C * grid[1], grid[3] + p.R * grid[5])).ToArray());
        string Position((double X, double Y) p) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{p.X:R}, {p.Y:R}]");
        var ring = string.Join(", ", lonLat.Append(lonLat[0]).Select(Position));
        var geojson = _temp.Write("triangle.geojson",
            "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {}, \"geometry\": " +
            "{\"type\": \"Polygon\", \"coordinates\": [[" + ring + "]]}}]}");

        var region = Classify(model, SinopCube, "--roi", geojson);

        Assert.True(region.ExitCode == 0, region.ToString());
        Assert.Equal((30, 26), Probe.Size(MapOf(region, "probabilities.tif")));   // columns 10..39, rows 5..30
        var expected = Probabilities(MapOf(full, "probabilities.tif"), 10, 5, 30, 26);
        var actual = Probabilities(MapOf(region, "probabilities.tif"), 0, 0, 30, 26);
        int inside = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            int p = i % (30 * 26), c = 10 + p % 30, r = 5 + p / 30;
            // The pixel centre against the triangle's hypotenuse (the other two sides are the box's own edges).
            bool within = c + 0.5 > 10.2 && r + 0.5 > 5.2 && (c + 0.5 - 10.2) / (39.8 - 10.2) + (r + 0.5 - 5.2) / (30.3 - 5.2) < 1;
            if (within) { Assert.Equal(expected[i], actual[i]); inside++; }
            else Assert.True(float.IsNaN(actual[i]), $"pixel ({c}, {r}) lies outside the polygon: {actual[i]}");
        }
        Assert.InRange(inside, 300 * 3, 420 * 3);   // about half of the box, for each of the 3 classes
    }

    /// <summary>Grid facts of a GeoTIFF, through the raster plugin's reader (by reflection: its types are the plugin's own).</summary>
    static class Probe
    {
        static object Grid(string path)
        {
            var assembly = Plugins.BuiltIn.Get("cube-classify").Plugin.GetType().Assembly;
            var files = assembly.GetType("LstmFcn.Plugins.Raster.Gdal.GdalRasterFiles")!.GetProperty("Instance")!.GetValue(null)!;
            var io = assembly.GetType("LstmFcn.Plugins.Raster.Io.IRasterFiles")!;
            using var reader = (IDisposable)io.GetMethod("Open")!.Invoke(files, [path])!;
            return assembly.GetType("LstmFcn.Plugins.Raster.Io.IRasterReader")!.GetProperty("Grid")!.GetValue(reader)!;
        }

        static T Property<T>(object o, string name) => (T)o.GetType().GetProperty(name)!.GetValue(o)!;

        public static double[] GeoTransform(string path) => Property<double[]>(Grid(path), "GeoTransform");

        public static (int, int) Size(string path)
        {
            var grid = Grid(path);
            return (Property<int>(grid, "Width"), Property<int>(grid, "Height"));
        }
    }

    [Fact]
    public void A_cube_that_is_nodata_everywhere_maps_with_a_warning_not_silently()
    {
        var model = Train();
        var empty = Directory.CreateDirectory(_temp["empty-cube"]).FullName;
        var wkt = File.ReadAllText(Path.Combine(Repo.Root, "benchmarks", "raster", "make-tiled-cube.sh")).Split("wkt='")[1].Split('\'')[0];
        // VRTs without sources: every pixel is the band's nodata value.
        foreach (var file in Directory.GetFiles(SinopCube))
            File.WriteAllText(Path.Combine(empty, Path.GetFileNameWithoutExtension(file) + ".vrt"), $"""
                <VRTDataset rasterXSize="50" rasterYSize="50">
                  <SRS>{wkt}</SRS>
                  <GeoTransform>-6064553.374, 231.656, 0, -1302586.208, 0, -231.656</GeoTransform>
                  <VRTRasterBand dataType="Int16" band="1"><NoDataValue>-3000</NoDataValue></VRTRasterBand>
                </VRTDataset>
                """);

        var result = Cli.Run(_temp.Path, "classify", model, empty, "--with", "extension=.vrt", "--output", _temp["maps"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("every pixel of the cube is nodata", result.Stdout + result.Stderr);
        Assert.Contains("every pixel of the cube is nodata", File.ReadAllText(Path.Combine(result.Stdout.Trim().Split('\n')[^1].Trim(), "run.log")));
    }

    [Fact]
    public void Every_map_file_is_a_valid_cloud_optimized_geotiff()
    {
        var model = Train();
        var cube = ShardedClassifySpecs.ModelAndTiledCube(_temp, 12).Cube;   // 600 × 600 px: maps with overviews

        var result = Classify(model, cube, "--with", "extension=.vrt", "--smooth", "--uncertainty", "entropy");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var file in new[] { "probabilities.tif", "probabilities-smoothed.tif", "classes.tif", "uncertainty.tif" })
        {
            var (valid, report) = GdalTools.ValidateCog(MapOf(result, file));
            Assert.True(valid, $"{file}: {report}");
        }
        Assert.Contains("<Category>Soy_Corn</Category>", File.ReadAllText(MapOf(result, "classes.tif.aux.xml")));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(MapOf(result, "classes.tif"))!, "*.staging*"));
    }

    [Fact]
    public void Sits_names_give_sits_class_codes_and_qgis_styles()
    {
        var model = Train();

        var result = Classify(model, SinopCube, "--smooth", "--uncertainty", "entropy", "--sits", "MODIS,TERRA,012010");

        Assert.True(result.ExitCode == 0, result.ToString());
        var stem = "MODIS_TERRA_012010_2013-09-14_2014-08-29";
        foreach (var kind in new[] { "probs", "bayes", "class", "entropy" })
            Assert.True(File.Exists(MapOf(result, $"{stem}_{kind}_v1.tif")), kind);
        // sits codes classes 1..K; ours are 0..K-1 (255 = nodata in both).
        var check = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-c", "import sys; from osgeo import gdal; a = gdal.Open(sys.argv[1]).ReadAsArray().astype(int); " +
                                   "b = gdal.Open(sys.argv[2]).ReadAsArray().astype(int); print(int(((a + 1) == b).all()), sorted(set(b.flat)))",
                MapOf(result, "classes.tif"), MapOf(result, $"{stem}_class_v1.tif") },
            RedirectStandardOutput = true,
        })!;
        var output = check.StandardOutput.ReadToEnd();
        check.WaitForExit();
        Assert.StartsWith("1 [1, 2, 3]", output.Trim());
        var style = File.ReadAllText(MapOf(result, $"{stem}_class_v1.qml"));
        Assert.Contains("value=\"1\" color=", style);
        Assert.Contains("label=\"Forest\"", style);
        Assert.Contains("value=\"0\"", File.ReadAllText(MapOf(result, "classes.qml")));
    }

    [Fact]
    public void An_unknown_parameter_is_named_with_the_option_that_gave_it()
    {
        var result = Classify(Train(), SinopCube, "--with", "worker=4");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--with worker=4", result.Stderr);
        Assert.Contains("workers", result.Stderr);
    }
}
