using LstmFcn.Pipeline.Tests.Support;
using LstmFcn.Regularisation;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// Regularisation (sits_regularize) and quality masks: irregular dates fall into regular intervals of period P from
/// an origin; each interval's value is the first valid or the median of its valid values; masked classes (SCL 3, 8, 9,
/// 10) are nodata first; an interval without a valid value is nodata. Checked by hand on a 2 × 2 cube of five dates
/// written by the cube plugin as a regular GeoTIFF cube.
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
}
