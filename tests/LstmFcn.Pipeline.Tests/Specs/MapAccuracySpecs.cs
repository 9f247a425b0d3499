using System.Globalization;
using System.Text.Json;
using LstmFcn.Accuracy;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The <c>accuracy</c> and <c>sample-design</c> map verbs on a small class map of 30 m pixels (UTM 21S): points are
/// matched to the pixel they fall in, nodata points are left out, areas come from the map's pixel counts in hectares,
/// and the files hold the estimates of the Olofsson estimator on that matrix; a drawn sample has the asked sizes,
/// lies on its classes' pixels and is fixed by the seed; labelled, it is the accuracy verb's input.
/// </summary>
public sealed class MapAccuracySpecs : IDisposable
{
    static readonly string[] Classes = { "deforestation", "forest", "other" };
    const double X0 = 500_000, Y0 = 8_700_300, Pixel = 30;
    readonly TempFolder _temp = new();
    readonly string _map;

    public MapAccuracySpecs()
    {
        // Rows 0-1 deforestation (20 px); below, columns 0-5 forest (48 px), 6-9 other (31 px: (9, 9) is nodata).
        var rows = Enumerable.Range(0, 10).Select(r => Enumerable.Range(0, 10).Select(c => r < 2 ? 0 : c < 6 ? 1 : 2).ToArray()).ToArray();
        rows[9][9] = 255;
        _map = _temp["map/classes.tif"];
        Directory.CreateDirectory(_temp["map"]);
        GdalTools.ClassMap(_map, rows, Classes, X0, Y0, Pixel, "EPSG:32721");
    }

    public void Dispose() => _temp.Dispose();

    static (double X, double Y) Centre(int col, int row) => (X0 + Pixel * col + Pixel / 2, Y0 - Pixel * row - Pixel / 2);

    /// <summary>(column, row, reference label): 6 points mapped deforestation, 8 forest, 6 other, one on nodata.</summary>
    static readonly (int Col, int Row, string Label)[] Points =
    {
        (0, 0, "deforestation"), (1, 0, "deforestation"), (2, 0, "deforestation"), (3, 0, "deforestation"), (4, 1, "forest"), (5, 1, "other"),
        (0, 2, "forest"), (1, 3, "forest"), (2, 4, "forest"), (3, 5, "forest"), (4, 6, "forest"), (5, 7, "forest"), (0, 8, "forest"), (1, 9, "deforestation"),
        (6, 2, "other"), (7, 3, "other"), (8, 4, "other"), (9, 5, "other"), (6, 6, "other"), (7, 7, "forest"),
        (9, 9, "other"),
    };

    static readonly long[,] Expected = { { 4, 1, 1 }, { 1, 7, 0 }, { 0, 1, 5 } };

    string PointsCsv() => _temp.Write("points.csv", "id,x,y,label\n" + string.Join("\n", Points.Select((p, i) =>
    {
        var (x, y) = Centre(p.Col, p.Row);
        return string.Create(CultureInfo.InvariantCulture, $"{i + 1},{x},{y},{p.Label}");
    })) + "\n");

    string PointsGeoJson() => _temp.Write("points.geojson", JsonSerializer.Serialize(new
    {
        type = "FeatureCollection",
        features = Points.Select(p => new
        {
            type = "Feature",
            geometry = new { type = "Point", coordinates = new[] { Centre(p.Col, p.Row).X, Centre(p.Col, p.Row).Y } },
            properties = new { label = p.Label },
        }),
    }));

    static IMapPlugin Verb(string name) => (IMapPlugin)Plugins.BuiltIn.Get(name).Plugin;

    JsonElement RunAccuracy(params (string, object?)[] args)
    {
        var verb = Verb("accuracy");
        verb.Run(new MapStageInput(null!, _temp["map"], "test"), Plugins.Arguments(verb, args), Plugins.Context(_temp.Path));
        return JsonDocument.Parse(File.ReadAllText(_temp["map/accuracy.json"])).RootElement;
    }

    [Fact]
    public void Accuracy_matches_points_to_their_pixels_and_writes_the_area_weighted_estimates_of_that_matrix_in_hectares()
    {
        var json = RunAccuracy(("points", PointsCsv()), ("x_column", "x"), ("y_column", "y"), ("crs", "map"));
        Assert.Equal(21, json.GetProperty("points_read").GetInt32());
        Assert.Equal(20, json.GetProperty("points_used").GetInt32());
        Assert.Equal(1, json.GetProperty("points_on_nodata").GetInt32());
        var matrix = json.GetProperty("sample_matrix");
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) Assert.Equal(Expected[i, j], matrix[i][j].GetInt64());

        var expected = AreaWeightedAccuracy.Assess(new ErrorMatrix(Classes, Expected), new[] { 20 * 0.09, 48 * 0.09, 31 * 0.09 });
        Assert.Equal("ha", json.GetProperty("area_unit").GetString());
        Assert.Equal(99 * 0.09, json.GetProperty("total_area").GetDouble(), 9);
        Assert.Equal(expected.Overall.Value, json.GetProperty("overall_accuracy").GetProperty("estimate").GetDouble(), 12);
        var perClass = json.GetProperty("per_class");
        for (int c = 0; c < 3; c++)
        {
            var e = perClass[c];
            Assert.Equal(Classes[c], e.GetProperty("class").GetString());
            Assert.Equal(new long[] { 20, 48, 31 }[c], e.GetProperty("mapped_pixels").GetInt64());
            Assert.Equal(expected.Users[c].Value, e.GetProperty("users_accuracy").GetProperty("estimate").GetDouble(), 12);
            Assert.Equal(expected.Producers[c].Upper, e.GetProperty("producers_accuracy").GetProperty("ci95")[1].GetDouble(), 12);
            Assert.Equal(expected.Areas[c].Value, e.GetProperty("area").GetProperty("estimate").GetDouble(), 9);
            Assert.Equal(expected.Areas[c].StandardError, e.GetProperty("area").GetProperty("se").GetDouble(), 9);
        }
        // The sample's own figures: 16 of 20 agree.
        Assert.Equal(16 / 20.0, json.GetProperty("sample_overall_accuracy").GetDouble(), 12);

        var csv = File.ReadAllLines(_temp["map/accuracy.csv"]);
        Assert.Equal(5, csv.Length);
        Assert.StartsWith("class,mapped_pixels,mapped_area,weight,sample_points,users_accuracy", csv[0]);
        Assert.StartsWith("forest,48,", csv[2]);
        Assert.StartsWith("overall,99,", csv[4]);
        Assert.All(csv, l => Assert.Equal(18, l.Split(',').Length));
    }

    [Fact]
    public void GeoJson_points_give_the_same_matrix_as_the_csv()
    {
        var json = RunAccuracy(("points", PointsGeoJson()), ("crs", "map"));
        var matrix = json.GetProperty("sample_matrix");
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) Assert.Equal(Expected[i, j], matrix[i][j].GetInt64());
    }

    [Fact]
    public void A_label_that_is_no_class_of_the_map_and_a_point_outside_it_are_refused_naming_the_line()
    {
        var bad = _temp.Write("bad.csv", $"x,y,label\n{Centre(0, 0).X},{Centre(0, 0).Y},cerrado\n".Replace(",", ",", StringComparison.Ordinal));
        var e = Assert.ThrowsAny<Exception>(() => RunAccuracy(("points", bad), ("x_column", "x"), ("y_column", "y"), ("crs", "map")));
        Assert.Contains("bad.csv:2: label 'cerrado' is not a class of the map", e.Message);
        var outside = _temp.Write("outside.csv", "x,y,label\n1,2,forest\n");
        e = Assert.ThrowsAny<Exception>(() => RunAccuracy(("points", outside), ("x_column", "x"), ("y_column", "y"), ("crs", "map")));
        Assert.Contains("outside.csv:2: point (1, 2) falls outside the map", e.Message);
        Assert.False(File.Exists(_temp["map/accuracy.json"]));
    }

    [Fact]
    public void A_mapped_class_without_points_gets_the_sample_figures_and_no_area_estimates_naming_it()
    {
        var lines = File.ReadAllLines(PointsCsv());
        // Only the points mapped deforestation or forest (the first 14): the 'other' stratum has none.
        var partial = _temp.Write("partial.csv", string.Join("\n", lines.Take(15)) + "\n");
        var json = RunAccuracy(("points", partial), ("x_column", "x"), ("y_column", "y"), ("crs", "map"));
        Assert.Equal(14, json.GetProperty("points_used").GetInt32());
        Assert.Equal(11 / 14.0, json.GetProperty("sample_overall_accuracy").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("overall_accuracy").ValueKind);
        Assert.Contains("mapped classes without a validation point in their stratum: other", json.GetProperty("area_weighted_unavailable").GetString());
        Assert.Equal(31 * 0.09, json.GetProperty("per_class")[2].GetProperty("mapped_area").GetDouble(), 9);
    }

    string Draw(string output, int seed, params (string, object?)[] args)
    {
        var verb = Verb("sample-design");
        verb.Run(new MapStageInput(null!, _temp["map"], "test"), Plugins.Arguments(verb, args.Append(("output", output)).ToArray()), Plugins.Context(_temp.Path, seed));
        return _temp["map/" + output];
    }

    [Fact]
    public void A_fixed_sample_per_class_lies_on_distinct_pixels_of_its_class_and_is_fixed_by_the_seed()
    {
        var path = Draw("sample.csv", 42, ("per_class", 5));
        var rows = File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(15, rows.Count);
        Assert.Equal(new[] { 5, 5, 5 }, Classes.Select(c => rows.Count(r => r[7] == c)));
        Assert.Equal(15, rows.Select(r => (r[5], r[6])).Distinct().Count());
        foreach (var r in rows)
        {
            int col = int.Parse(r[5], CultureInfo.InvariantCulture), row = int.Parse(r[6], CultureInfo.InvariantCulture);
            Assert.Equal(row < 2 ? "deforestation" : col < 6 ? "forest" : "other", r[7]);
            Assert.False(col == 9 && row == 9);
            Assert.Equal(Centre(col, row).X, double.Parse(r[3], CultureInfo.InvariantCulture), 6);
            // Longitude/latitude of UTM 21S near 500 000 E, 8 700 000 N: about 57° W, 11.8° S.
            Assert.InRange(double.Parse(r[1], CultureInfo.InvariantCulture), -57.1, -56.9);
            Assert.InRange(double.Parse(r[2], CultureInfo.InvariantCulture), -12.0, -11.6);
        }
        Assert.Equal(File.ReadAllText(path), File.ReadAllText(Draw("same.csv", 42, ("per_class", 5))));
        Assert.NotEqual(File.ReadAllText(path), File.ReadAllText(Draw("other.csv", 7, ("per_class", 5))));
    }

    [Fact]
    public void Olofsson_sizes_follow_the_target_standard_error_with_a_minimum_per_class_and_at_most_every_pixel()
    {
        // n = (Σ W_i sqrt(.9 · .1) / 0.05)² = 0.09 / 0.0025 = 36, shared 20:48:31 → 7, 18, 11; a minimum of 10 raises
        // deforestation to 10.
        var path = Draw("sample.geojson", 42, ("standard_error", 0.05), ("expected_accuracy", new List<double> { 0.9 }), ("min_per_class", 10));
        var features = JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("features");
        var counts = Classes.Select(c => features.EnumerateArray().Count(f => f.GetProperty("properties").GetProperty("map_class").GetString() == c)).ToArray();
        Assert.Equal(new[] { 10, 18, 11 }, counts);
        // Asking more than a class has gives every pixel of it.
        var all = Draw("all.csv", 42, ("per_class", 40));
        Assert.Equal(20 + 40 + 31, File.ReadAllLines(all).Length - 1);
    }

    [Fact]
    public void A_drawn_sample_labelled_with_its_map_classes_is_read_by_accuracy_as_a_perfect_map()
    {
        var path = Draw("sample.csv", 42, ("per_class", 4));
        var lines = File.ReadAllLines(path);
        var labelled = _temp.Write("labelled.csv", string.Join("\n", lines.Take(1).Concat(lines.Skip(1).Select(l => l + l.Split(',')[7]))) + "\n");
        var json = RunAccuracy(("points", labelled));
        Assert.Equal(12, json.GetProperty("points_used").GetInt32());
        Assert.Equal(1.0, json.GetProperty("overall_accuracy").GetProperty("estimate").GetDouble(), 12);
        Assert.Equal(1.0, json.GetProperty("sample_kappa").GetDouble(), 12);
    }
}
