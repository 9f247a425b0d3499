using System.Globalization;
using System.Text.Json;
using LstmFcn.Plugins.Raster.Samples;

namespace LstmFcn.Plugins.Raster.Accuracy;

/// <summary>
/// Reads validation points from a CSV (x and y columns, a label column) or a GeoJSON FeatureCollection of Points (the
/// label a property); a file ending in .geojson or .json is read as GeoJSON.
/// </summary>
public static class ValidationPoints
{
    public static IReadOnlyList<ValidationPoint> Read(string path, string xColumn, string yColumn, string labelColumn)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: validation points not found", path);
        return IsGeoJson(path) ? ReadGeoJson(path, labelColumn) : ReadCsv(path, xColumn, yColumn, labelColumn);
    }

    public static bool IsGeoJson(string path) =>
        path.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    static IReadOnlyList<ValidationPoint> ReadCsv(string path, string xColumn, string yColumn, string labelColumn)
    {
        var table = PointTable.Read(path);
        int x = table.Column(xColumn, "x_column"), y = table.Column(yColumn, "y_column"), label = table.Column(labelColumn, "label_column");
        var points = new List<ValidationPoint>(table.Rows.Count);
        for (int r = 0; r < table.Rows.Count; r++)
        {
            var (line, cells) = table.Rows[r];
            if (cells[label].Trim().Length == 0) throw new InvalidDataException($"{path}:{line}: column '{labelColumn}' is empty; every validation point needs its reference label");
            points.Add(new ValidationPoint($"{path}:{line}", table.Number(r, x), table.Number(r, y), cells[label].Trim()));
        }
        return points;
    }

    static IReadOnlyList<ValidationPoint> ReadGeoJson(string path, string labelProperty)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not valid JSON ({e.Message})"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{path}: expected a GeoJSON FeatureCollection with a 'features' array");
            var points = new List<ValidationPoint>();
            int index = 0;
            foreach (var f in features.EnumerateArray())
            {
                var where = $"{path}: feature {index++}";
                if (!f.TryGetProperty("geometry", out var g) || g.ValueKind != JsonValueKind.Object ||
                    !g.TryGetProperty("type", out var type) || type.GetString() != "Point" ||
                    !g.TryGetProperty("coordinates", out var c) || c.ValueKind != JsonValueKind.Array || c.GetArrayLength() < 2 ||
                    c[0].ValueKind != JsonValueKind.Number || c[1].ValueKind != JsonValueKind.Number)
                    throw new InvalidDataException($"{where}: expected a Point geometry with [x, y] coordinates");
                if (!f.TryGetProperty("properties", out var p) || p.ValueKind != JsonValueKind.Object ||
                    !p.TryGetProperty(labelProperty, out var l) || l.ValueKind is not (JsonValueKind.String or JsonValueKind.Number) ||
                    Text(l).Length == 0)
                    throw new InvalidDataException($"{where}: no '{labelProperty}' property (label_column) holding its reference label");
                points.Add(new ValidationPoint(where, c[0].GetDouble(), c[1].GetDouble(), Text(l)));
            }
            return points;
        }
    }

    static string Text(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetRawText() : (e.GetString() ?? "").Trim();

    internal static string Invariant(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
