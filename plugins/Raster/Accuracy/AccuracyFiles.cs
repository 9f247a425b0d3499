using System.Globalization;
using System.Text;
using System.Text.Json;
using LstmFcn.Accuracy;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Plugins.Raster.Accuracy;

/// <summary>
/// Writes an assessment as accuracy.json (everything: the sample's counts, the error matrix in area proportions, every
/// estimate with its standard error and 95 % interval) and accuracy.csv (one row per class, then the overall row).
/// Figures that cannot be estimated (a class with one point in its stratum, or none in the reference) are null / empty.
/// </summary>
public static class AccuracyFiles
{
    public const string Json = "accuracy.json";
    public const string Csv = "accuracy.csv";

    public static void Write(string folder, MapAccuracyResult r)
    {
        AtomicFile.WriteText(Path.Combine(folder, Json), JsonText(r));
        AtomicFile.WriteText(Path.Combine(folder, Csv), CsvText(r));
    }

    static object? N(double v) => double.IsFinite(v) ? v : null;

    static object E(Estimate e) => new Dictionary<string, object?>
    {
        ["estimate"] = N(e.Value), ["se"] = N(e.StandardError), ["ci95"] = new[] { N(e.Lower), N(e.Upper) },
    };

    static string JsonText(MapAccuracyResult r)
    {
        var w = r.Weighted;
        double total = r.MappedPixels.Sum() * r.AreaPerPixel;
        var s = r.Sample;
        int k = s.Count;
        var classes = new List<object>();
        for (int c = 0; c < k; c++)
            classes.Add(new Dictionary<string, object?>
            {
                ["class"] = s.Classes[c],
                ["mapped_pixels"] = r.MappedPixels[c],
                ["mapped_area"] = r.MappedPixels[c] * r.AreaPerPixel,
                ["weight"] = r.MappedPixels[c] * r.AreaPerPixel / total,
                ["sample_points"] = s.MapTotal(c),
                ["reference_points"] = s.ReferenceTotal(c),
                ["users_accuracy"] = w is null ? null : E(w.Users[c]),
                ["producers_accuracy"] = w is null ? null : E(w.Producers[c]),
                ["area_proportion"] = w is null ? null : E(w.AreaProportions[c]),
                ["area"] = w is null ? null : E(w.Areas[c]),
                ["sample_users_accuracy"] = N(r.Unweighted.Users[c]),
                ["sample_producers_accuracy"] = N(r.Unweighted.Producers[c]),
                ["sample_f1"] = N(r.Unweighted.F1[c]),
            });
        var doc = new Dictionary<string, object?>
        {
            ["method"] = "stratified estimators, strata = map classes (Olofsson et al. 2014, Remote Sensing of Environment 148:42-57)",
            ["class_map"] = r.ClassMap,
            ["points"] = r.Points,
            ["points_read"] = r.PointsRead,
            ["points_used"] = s.Total,
            ["points_on_nodata"] = r.PointsOnNoData,
            ["area_unit"] = AreaUnits.Name(r.Unit),
            ["area_per_pixel"] = r.AreaPerPixel,
            ["total_area"] = total,
            ["area_weighted_unavailable"] = r.WhyNoAreaEstimates,
            ["classes"] = s.Classes,
            ["sample_matrix"] = Rows(k, (i, j) => s[i, j]),
            ["sample_overall_accuracy"] = N(r.Unweighted.Overall),
            ["sample_kappa"] = N(r.Unweighted.Kappa),
            ["area_proportions_matrix"] = w is null ? null : Rows(k, (i, j) => w.Proportions[i, j]),
            ["overall_accuracy"] = w is null ? null : E(w.Overall),
            ["per_class"] = classes,
        };
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    static List<List<T>> Rows<T>(int k, Func<int, int, T> cell) =>
        Enumerable.Range(0, k).Select(i => Enumerable.Range(0, k).Select(j => cell(i, j)).ToList()).ToList();

    static string F(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    static string CsvText(MapAccuracyResult r)
    {
        var w = r.Weighted;
        var s = r.Sample;
        double total = r.MappedPixels.Sum() * r.AreaPerPixel;
        var none = new Estimate(double.NaN, double.NaN);
        var b = new StringBuilder();
        b.Append("class,mapped_pixels,mapped_area,weight,sample_points,users_accuracy,users_ci95_low,users_ci95_high,producers_accuracy,producers_ci95_low,producers_ci95_high,")
         .Append("area,area_se,area_ci95_low,area_ci95_high,sample_users_accuracy,sample_producers_accuracy,sample_f1\n");
        for (int c = 0; c < s.Count; c++)
        {
            var (u, p, a) = w is null ? (none, none, none) : (w.Users[c], w.Producers[c], w.Areas[c]);
            double mapped = r.MappedPixels[c] * r.AreaPerPixel;
            b.Append(CsvField.Quote(s.Classes[c])).Append(',').Append(r.MappedPixels[c]).Append(',').Append(F(mapped)).Append(',')
             .Append(F(mapped / total)).Append(',').Append(s.MapTotal(c)).Append(',')
             .Append(F(u.Value)).Append(',').Append(F(u.Lower)).Append(',').Append(F(u.Upper)).Append(',')
             .Append(F(p.Value)).Append(',').Append(F(p.Lower)).Append(',').Append(F(p.Upper)).Append(',')
             .Append(F(a.Value)).Append(',').Append(F(a.StandardError)).Append(',').Append(F(a.Lower)).Append(',').Append(F(a.Upper)).Append(',')
             .Append(F(r.Unweighted.Users[c])).Append(',').Append(F(r.Unweighted.Producers[c])).Append(',').Append(F(r.Unweighted.F1[c])).Append('\n');
        }
        var o = w?.Overall ?? none;
        b.Append("overall,").Append(r.MappedPixels.Sum()).Append(',').Append(F(total)).Append(",1,").Append(s.Total).Append(',')
         .Append(F(o.Value)).Append(',').Append(F(o.Lower)).Append(',').Append(F(o.Upper)).Append(",,,,,,,,")
         .Append(F(r.Unweighted.Overall)).Append(",,\n");
        return b.ToString();
    }
}
