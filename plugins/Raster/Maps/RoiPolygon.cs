using System.Text.Json;
using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>
/// A region of interest drawn as polygons: a GeoJSON file (Polygon, MultiPolygon, Feature or FeatureCollection of
/// them), its coordinates lon/lat as RFC 7946 has them, or in the CRS an older file names in its <c>crs</c> member.
/// Inner rings are holes (the even-odd rule over every ring).
/// </summary>
public sealed class RoiPolygon
{
    RoiPolygon(IReadOnlyList<(double X, double Y)[]> rings, string crs) => (Rings, Crs) = (rings, crs);

    public IReadOnlyList<(double X, double Y)[]> Rings { get; }
    /// <summary>"EPSG:4326" unless the file names another.</summary>
    public string Crs { get; }

    public static RoiPolygon Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: region-of-interest file not found (cube-classify.roi_polygon)", path);
        JsonDocument json;
        try { json = JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not GeoJSON ({e.Message})", e); }
        using (json)
        {
            var rings = new List<(double, double)[]>();
            Collect(json.RootElement, rings, path);
            if (rings.Count == 0) throw new InvalidDataException($"{path}: holds no Polygon or MultiPolygon");
            var crs = json.RootElement.TryGetProperty("crs", out var c) && c.TryGetProperty("properties", out var p) &&
                      p.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                ? Normalised(n.GetString()!) : "EPSG:4326";
            return new RoiPolygon(rings, crs);
        }
    }

    /// <summary>"urn:ogc:def:crs:EPSG::32721" or "EPSG:32721" → "EPSG:32721"; OGC's CRS84 is lon/lat WGS 84.</summary>
    static string Normalised(string name)
    {
        if (name.EndsWith("CRS84", StringComparison.OrdinalIgnoreCase)) return "EPSG:4326";
        int epsg = name.IndexOf("EPSG", StringComparison.OrdinalIgnoreCase);
        return epsg < 0 ? name : "EPSG:" + name[(epsg + 4)..].TrimStart(':');
    }

    static void Collect(JsonElement node, List<(double, double)[]> rings, string path)
    {
        var type = node.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        switch (type)
        {
            case "FeatureCollection":
                foreach (var feature in Array(node, "features", path).EnumerateArray()) Collect(feature, rings, path);
                break;
            case "Feature":
                if (node.TryGetProperty("geometry", out var geometry) && geometry.ValueKind == JsonValueKind.Object) Collect(geometry, rings, path);
                break;
            case "GeometryCollection":
                foreach (var g in Array(node, "geometries", path).EnumerateArray()) Collect(g, rings, path);
                break;
            case "Polygon":
                foreach (var ring in Array(node, "coordinates", path).EnumerateArray()) rings.Add(Ring(ring, path));
                break;
            case "MultiPolygon":
                foreach (var polygon in Array(node, "coordinates", path).EnumerateArray())
                    foreach (var ring in polygon.EnumerateArray()) rings.Add(Ring(ring, path));
                break;
            default:
                throw new InvalidDataException($"{path}: a region of interest is a Polygon or MultiPolygon (or Features of them), found type '{type}'");
        }
    }

    static JsonElement Array(JsonElement node, string field, string path) =>
        node.TryGetProperty(field, out var a) && a.ValueKind == JsonValueKind.Array ? a
            : throw new InvalidDataException($"{path}: '{field}' must be a list");

    static (double, double)[] Ring(JsonElement ring, string path)
    {
        var points = new List<(double, double)>();
        foreach (var p in ring.EnumerateArray())
        {
            if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() < 2 || p[0].ValueKind != JsonValueKind.Number || p[1].ValueKind != JsonValueKind.Number)
                throw new InvalidDataException($"{path}: a polygon position must be [x, y] numbers");
            points.Add((p[0].GetDouble(), p[1].GetDouble()));
        }
        if (points.Count < 3) throw new InvalidDataException($"{path}: a polygon ring needs at least 3 positions, found {points.Count}");
        return points.ToArray();
    }

    /// <summary>The rings in the cube's pixel coordinates (column, row; pixel centres at +0.5).</summary>
    public PixelPolygon InPixels(RasterGrid grid, IRasterFiles io)
    {
        using var transform = io.Transform(Crs, grid.ProjectionWkt);
        return new PixelPolygon(Rings.Select(r => r.Select(p =>
        {
            var (x, y) = transform.Transform(p.X, p.Y);
            return grid.ToPixel(x, y);
        }).ToArray()).ToList());
    }
}

/// <summary>Polygons in a grid's pixel coordinates: which pixel centres they hold, and the pixels their bounds touch.</summary>
public sealed class PixelPolygon(IReadOnlyList<(double Column, double Row)[]> rings)
{
    public IReadOnlyList<(double Column, double Row)[]> Rings { get; } = rings;

    public (double C0, double R0, double C1, double R1) Bounds =>
        (Rings.Min(r => r.Min(p => p.Column)), Rings.Min(r => r.Min(p => p.Row)),
         Rings.Max(r => r.Max(p => p.Column)), Rings.Max(r => r.Max(p => p.Row)));

    /// <summary>Whether the centre of pixel (column, row) lies inside (even-odd over every ring: holes excluded).</summary>
    public bool ContainsPixel(int column, int row)
    {
        double x = column + 0.5, y = row + 0.5;
        bool inside = false;
        foreach (var ring in Rings)
            for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
            {
                var (xi, yi) = ring[i];
                var (xj, yj) = ring[j];
                if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
            }
        return inside;
    }
}
