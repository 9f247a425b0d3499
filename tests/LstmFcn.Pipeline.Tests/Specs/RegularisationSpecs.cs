using LstmFcn.Pipeline.Tests.Support;
using LstmFcn.Regularisation;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// Regularisation (sits_regularize) and quality masks: irregular dates fall into regular intervals of period P from
/// an origin; each interval's value is the first valid, the median of its valid values, or (least-cloudy) the first
/// valid in the order of the dates' masked share of the tile; masked classes (SCL 3, 8, 9, 10) are nodata first; an
/// interval without a valid value is nodata. Checked by hand on 2 × 2 cubes written by the cube plugin (and by
/// <c>lstmfcn cube regularize</c>) as a regular cube of Cloud-Optimized GeoTIFFs.
/// </summary>
public sealed class RegularisationSpecs
{
    static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Five irregular dates; with P = 16 from 2020-01-01: [01-01, 01-17) holds two, [01-17, 02-02) one, [02-02, 02-18) two.</summary>
    static readonly DateOnly[] Dates = { D("2020-01-03"), D("2020-01-05"), D("2020-01-20"), D("2020-02-02"), D("2020-02-03") };

    [Fact]
    public void Irregular_dates_fall_into_intervals_of_the_period_dated_by_their_first_day()
    {
        var timeline = RegularTimeline.Covering(Dates, 16, D("2020-01-01"));
        Assert.Equal(new[] { D("2020-01-01"), D("2020-01-17"), D("2020-02-02") }, timeline.Dates);
        Assert.Equal(new[] { 0, 0, 1, 2, 2 }, Dates.Select(timeline.IntervalOf));
        Assert.Equal(-1, timeline.IntervalOf(D("2019-12-31")));
        Assert.Equal(-1, timeline.IntervalOf(D("2020-02-18")));
        // Another tile's dates on the same origin and period share the timeline's dates.
        var other = RegularTimeline.Covering(new[] { D("2020-01-10"), D("2020-02-10") }, 16, D("2020-01-01"));
        Assert.Equal(timeline.Dates, other.Dates);
    }

    [Fact]
    public void First_valid_takes_the_earliest_valid_date_and_median_the_middle_of_the_valid_values()
    {
        var timeline = RegularTimeline.Covering(Dates, 16, D("2020-01-01"));
        var values = new[] { float.NaN, 0.4f, 0.6f, 0.3f, 0.5f };
        var result = new float[3];
        new Compositor(Dates, timeline, CompositeMethod.FirstValid).Composite(values, result);
        Assert.Equal(new[] { 0.4f, 0.6f, 0.3f }, result);
        new Compositor(Dates, timeline, CompositeMethod.Median).Composite(values, result);
        Assert.Equal(new[] { 0.4f, 0.6f, 0.4f }, result); // (0.3 + 0.5) / 2
        // Dates listed out of order: "first" is still the earliest.
        var shuffled = new[] { Dates[4], Dates[3], Dates[2], Dates[1], Dates[0] };
        new Compositor(shuffled, timeline, CompositeMethod.FirstValid).Composite(new[] { 0.5f, 0.3f, 0.6f, 0.4f, float.NaN }, result);
        Assert.Equal(new[] { 0.4f, 0.6f, 0.3f }, result);
        // No valid value in an interval: nodata.
        new Compositor(Dates, timeline, CompositeMethod.Median).Composite(new[] { float.NaN, float.NaN, 0.6f, 0.3f, 0.5f }, result);
        Assert.True(float.IsNaN(result[0]));
    }

    [Fact]
    public void Least_cloudy_takes_the_first_valid_value_of_the_clearest_date_first()
    {
        var timeline = RegularTimeline.Covering(Dates, 16, D("2020-01-01"));
        // Masked shares: in [01-01, 01-17) the second date is clearer; in [02-02, 02-18) the two tie, so the earlier comes first.
        var cloudiness = new[] { 0.5, 0.25, 0.0, 0.75, 0.75 };
        var result = new float[3];
        new Compositor(Dates, timeline, CompositeMethod.LeastCloudy, cloudiness).Composite(new[] { 0.1f, 0.2f, 0.6f, 0.3f, 0.5f }, result);
        Assert.Equal(new[] { 0.2f, 0.6f, 0.3f }, result);
        // The clearest date masked at this pixel: the next clearest.
        new Compositor(Dates, timeline, CompositeMethod.LeastCloudy, cloudiness).Composite(new[] { 0.1f, float.NaN, 0.6f, float.NaN, 0.5f }, result);
        Assert.Equal(new[] { 0.1f, 0.6f, 0.5f }, result);
        Assert.Throws<ArgumentException>(() => new Compositor(Dates, timeline, CompositeMethod.LeastCloudy));
    }

    [Fact]
    public void A_quality_mask_turns_cloud_and_shadow_classes_into_nodata()
    {
        var values = new[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f };
        QualityMask.Sentinel2Scl().Apply(values, new[] { 4f, 8f, 3f, 5f, 10f, float.NaN });
        Assert.Equal(0.1f, values[0]);
        Assert.True(float.IsNaN(values[1]) && float.IsNaN(values[2]) && float.IsNaN(values[4]) && float.IsNaN(values[5]));
        Assert.Equal(0.4f, values[3]);
    }

    /// <summary>NDVI and SCL of the 2 × 2 fixture per date: pixel (col, row) → five values.</summary>
    static readonly Dictionary<(int, int), (double[] Ndvi, double[] Scl)> Pixels = new()
    {
        [(0, 0)] = (new[] { 0.1, 0.2, 0.3, 0.4, 0.5 }, new double[] { 4, 8, 4, 4, 9 }),
        [(1, 0)] = (new[] { 0.9, 0.8, 0.7, 0.6, 0.5 }, new double[] { 3, 4, 4, 10, 4 }),
        [(0, 1)] = (new[] { 0.2, 0.6, 0.3, 0.9, 0.1 }, new double[] { 4, 4, 4, 4, 4 }),
        [(1, 1)] = (new[] { 0.5, 0.5, 0.5, 0.5, 0.5 }, new double[] { 8, 9, 3, 10, 8 }),
    };

    /// <summary>The 2 × 2 fixture as NDVI (Float32) and SCL (Byte) GeoTIFFs per date, made once for the class.</summary>
    static readonly Lazy<string> IrregularCube = new(() =>
    {
        var cube = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"lstmfcn-irregular-{Environment.ProcessId}")).FullName;
        for (int d = 0; d < Dates.Length; d++)
        {
            double[][] Rows(Func<(double[] Ndvi, double[] Scl), double[]> pick) =>
                Enumerable.Range(0, 2).Select(r => Enumerable.Range(0, 2).Select(c => pick(Pixels[(c, r)])[d]).ToArray()).ToArray();
            var date = Dates[d].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            GdalTools.Raster(Path.Combine(cube, $"S2_T1_NDVI_{date}.tif"), Rows(p => p.Ndvi), "Float32", 500_000, 8_700_000, 10, "EPSG:32721");
            GdalTools.Raster(Path.Combine(cube, $"S2_T1_SCL_{date}.tif"), Rows(p => p.Scl), "Byte", 500_000, 8_700_000, 10, "EPSG:32721");
        }
        return cube;
    });

    [Theory]
    // Hand-worked: (0,0) loses dates 2 and 5 to SCL 8/9 → 0.1 | 0.3 | 0.4; (1,0) loses 1 and 4 (SCL 3/10) → 0.8 | 0.7 | 0.5;
    // (0,1) keeps all → first valid 0.2 | 0.3 | 0.9, median (0.2+0.6)/2 | 0.3 | (0.9+0.1)/2; (1,1) is masked on every date.
    [InlineData("first-valid", new[] { 0.1, 0.3, 0.4, 0.8, 0.7, 0.5, 0.2, 0.3, 0.9 })]
    [InlineData("median", new[] { 0.1, 0.3, 0.4, 0.8, 0.7, 0.5, 0.4, 0.3, 0.5 })]
    public void A_masked_irregular_cube_is_written_as_a_regular_cube_with_the_hand_worked_composites(string method, double[] expected)
    {
        using var temp = new TempFolder();
        var cube = IrregularCube.Value;
        var writer = Plugins.BuiltIn.Get("cube-points").Plugin.GetType().Assembly.GetType("LstmFcn.Plugins.Raster.Regularise.RegularCubeWriter")!;
        var output = temp["regular"];
        var dates = (IReadOnlyList<DateOnly>)writer.GetMethod("RegulariseFolder")!.Invoke(null, new object?[]
        {
            cube, "{satellite}_{tile}_{band}_{date}", "yyyy-MM-dd", 1.0, 0.0, "SCL", new[] { 3, 8, 9, 10 }, 16, "2020-01-01", method, output, "REGULAR_T1",
        })!;
        Assert.Equal(new[] { D("2020-01-01"), D("2020-01-17"), D("2020-02-02") }, dates);
        Assert.Equal(new[] { "REGULAR_T1_NDVI_2020-01-01.tif", "REGULAR_T1_NDVI_2020-01-17.tif", "REGULAR_T1_NDVI_2020-02-02.tif" },
            Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var names = new[] { "2020-01-01", "2020-01-17", "2020-02-02" };
        for (int t = 0; t < 3; t++)
        {
            var v = GdalTools.Values(Path.Combine(output, $"REGULAR_T1_NDVI_{names[t]}.tif"), (0, 0), (1, 0), (0, 1), (1, 1));
            for (int p = 0; p < 3; p++) Assert.Equal(expected[p * 3 + t], v[p], 6);
            Assert.True(double.IsNaN(v[3]));
        }
    }

    /// <summary>Three dates in [2020-01-01, 2020-01-17) and one in the next interval; SCL and NDVI per pixel (col, row).</summary>
    static readonly DateOnly[] CloudyDates = { D("2020-01-02"), D("2020-01-06"), D("2020-01-10"), D("2020-01-20") };

    static readonly Dictionary<(int, int), (double[] Ndvi, double[] Scl)> CloudyPixels = new()
    {
        [(0, 0)] = (new[] { 0.11, 0.12, 0.13, 0.14 }, new double[] { 8, 4, 4, 4 }),
        [(1, 0)] = (new[] { 0.21, 0.22, 0.23, 0.24 }, new double[] { 4, 4, 9, 4 }),
        [(0, 1)] = (new[] { 0.31, 0.32, 0.33, 0.34 }, new double[] { 9, 8, 4, 3 }),
        [(1, 1)] = (new[] { 0.41, 0.42, 0.43, 0.44 }, new double[] { 4, 3, 4, 4 }),
    };

    [Theory]
    // Masked pixels per date: 2, 2, 1, 1. Least-cloudy ranks the first interval's dates 01-10, 01-02, 01-06: (0,0) 0.13 (01-10),
    // (1,0) 0.21 (01-10 masked: 01-02), (0,1) 0.33, (1,1) 0.43; first-valid gives 0.12, 0.21, 0.33, 0.41. The second interval
    // has one date: 0.14, 0.24, nodata (SCL 3), 0.44.
    [InlineData("least-cloudy", new[] { 0.13, 0.21, 0.33, 0.43 })]
    [InlineData("first-valid", new[] { 0.12, 0.21, 0.33, 0.41 })]
    public void Cube_regularize_writes_the_hand_worked_composites_as_cloud_optimized_geotiffs(string method, double[] first)
    {
        using var temp = new TempFolder();
        var cube = Directory.CreateDirectory(temp["cube"]).FullName;
        for (int d = 0; d < CloudyDates.Length; d++)
        {
            double[][] Rows(Func<(double[] Ndvi, double[] Scl), double[]> pick) =>
                Enumerable.Range(0, 2).Select(r => Enumerable.Range(0, 2).Select(c => pick(CloudyPixels[(c, r)])[d]).ToArray()).ToArray();
            var date = CloudyDates[d].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            GdalTools.Raster(Path.Combine(cube, $"S2_T1_NDVI_{date}.tif"), Rows(p => p.Ndvi), "Float32", 500_000, 8_700_000, 10, "EPSG:32721");
            GdalTools.Raster(Path.Combine(cube, $"S2_T1_SCL_{date}.tif"), Rows(p => p.Scl), "Byte", 500_000, 8_700_000, 10, "EPSG:32721");
        }

        var result = Cli.Run(temp.Path, "cube", "regularize", cube, "--with", "pattern={satellite}_{tile}_{band}_{date}", "--output", temp["regular"],
            "--period", "16", "--origin", "2020-01-01", "--method", method, "--mask-band", "SCL", "--prefix", "S2_REG");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(temp["regular"], result.Stdout.Trim());
        Assert.Equal(new[] { "S2_REG_NDVI_2020-01-01.tif", "S2_REG_NDVI_2020-01-17.tif" },
            Directory.GetFiles(temp["regular"]).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var pixels = new[] { (0, 0), (1, 0), (0, 1), (1, 1) };
        var v = GdalTools.Values(temp["regular/S2_REG_NDVI_2020-01-01.tif"], pixels);
        for (int p = 0; p < 4; p++) Assert.Equal(first[p], v[p], 6);
        var second = GdalTools.Values(temp["regular/S2_REG_NDVI_2020-01-17.tif"], pixels);
        Assert.Equal(0.14, second[0], 6);
        Assert.Equal(0.24, second[1], 6);
        Assert.True(double.IsNaN(second[2]));
        Assert.Equal(0.44, second[3], 6);
        foreach (var file in Directory.GetFiles(temp["regular"]))
        {
            var (valid, report) = GdalTools.ValidateCog(file);
            Assert.True(valid, $"{file}: {report}");
        }
    }

    [Theory]
    [InlineData("--period", "0", "--period 0: expected a whole number of days")]
    [InlineData("--method", "mean", "--method mean: expected first-valid, median, least-cloudy")]
    [InlineData("--origin", "2020-13-01", "--origin 2020-13-01: expected a date")]
    [InlineData("--mask-band", "QA", "mask band 'QA' is not in the cube")]
    public void Cube_regularize_refuses_bad_options_with_exit_2(string option, string value, string message)
    {
        using var temp = new TempFolder();
        var args = new List<string> { "cube", "regularize", SinopPoints.Cube, "--with", $"pattern={SinopPoints.Pattern}", "--output", temp["regular"], "--period", "16" };
        if (option == "--period") args[^1] = value;
        else args.AddRange(new[] { option, value });

        var result = Cli.Run(temp.Path, args.ToArray());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Stderr);
        Assert.False(Directory.Exists(temp["regular"]) && Directory.EnumerateFiles(temp["regular"], "*.tif").Any());
    }
}
