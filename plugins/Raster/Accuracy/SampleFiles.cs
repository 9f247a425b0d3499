using System.Globalization;
using System.Text;
using System.Text.Json;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Plugins.Raster.Accuracy;

/// <summary>
/// Writes a drawn sample for labelling: GeoJSON (.geojson/.json: Points in longitude/latitude, properties id, map_class,
/// x, y, col, row and an empty label) or CSV (id, longitude, latitude, x, y, col, row, map_class, label). Filling the
/// label column makes the file the accuracy verb's validation points.
/// </summary>
public static class SampleFiles
{
    public static void Write(string path, IReadOnlyList<SamplePoint> points, IReadOnlyList<string> classes)
    {
        if (ValidationPoints.IsGeoJson(path)) AtomicFile.WriteText(path, GeoJson(points, classes));
        else AtomicFile.WriteText(path, Csv(points, classes));
    }

    static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    static string Csv(IReadOnlyList<SamplePoint> points, IReadOnlyList<string> classes)
    {
        var b = new StringBuilder("id,longitude,latitude,x,y,col,row,map_class,label\n");
        foreach (var p in points)
            b.Append(p.Id).Append(',').Append(R(p.Longitude)).Append(',').Append(R(p.Latitude)).Append(',').Append(R(p.X)).Append(',')
             .Append(R(p.Y)).Append(',').Append(p.Column).Append(',').Append(p.Row).Append(',').Append(CsvField.Quote(classes[p.MapClass])).Append(",\n");
        return b.ToString();
    }

    static string GeoJson(IReadOnlyList<SamplePoint> points, IReadOnlyList<string> classes)
    {
        var features = points.Select(p => new Dictionary<string, object?>
        {
            ["type"] = "Feature",
            ["geometry"] = new Dictionary<string, object> { ["type"] = "Point", ["coordinates"] = new[] { p.Longitude, p.Latitude } },
            ["properties"] = new Dictionary<string, object?>
            {
                ["id"] = p.Id, ["map_class"] = classes[p.MapClass], ["x"] = p.X, ["y"] = p.Y, ["col"] = p.Column, ["row"] = p.Row, ["label"] = null,
            },
        });
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["type"] = "FeatureCollection", ["features"] = features },
            new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
