using LstmFcn.Accuracy;
using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Accuracy;

/// <summary>
/// Validation points against a class map: each point's map class is the pixel it falls in, its reference class its
/// label; the sample's error matrix and the map's pixel counts per class give Olofsson et al.'s (2014) estimates,
/// the map classes taken as the strata of a stratified random sample.
/// </summary>
public static class MapAccuracy
{
    /// <param name="crs">CRS of the points' coordinates: "EPSG:code", WKT, or "map" for the map's own CRS.</param>
    public static MapAccuracyResult Assess(IRasterFiles io, string classMapPath, IReadOnlyList<ValidationPoint> points, string pointsPath,
        string crs, AreaUnit unit)
    {
        if (points.Count == 0) throw new InvalidDataException($"{pointsPath}: no validation points");
        using var map = ClassMap.Open(io, classMapPath);
        double perPixel = AreaUnits.PerPixel(map, unit);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < map.Classes.Count; c++) index[map.Classes[c]] = c;
        using var transform = crs == "map" ? null : io.Transform(crs, map.Grid.ProjectionWkt);

        var pairs = new List<(int, int)>(points.Count);
        int onNoData = 0;
        foreach (var p in points)
        {
            if (!index.TryGetValue(p.Label, out var reference))
                throw new InvalidDataException($"{p.Where}: label '{p.Label}' is not a class of the map {classMapPath} ({string.Join(", ", map.Classes)})");
            var (mx, my) = transform?.Transform(p.X, p.Y) ?? (p.X, p.Y);
            var (cf, rf) = map.Grid.ToPixel(mx, my);
            int col = (int)Math.Floor(cf), row = (int)Math.Floor(rf);
            if (col < 0 || row < 0 || col >= map.Grid.Width || row >= map.Grid.Height)
                throw new InvalidDataException($"{p.Where}: point ({p.X}, {p.Y}) falls outside the map (pixel {col}, {row} of {map.Grid.Width} × {map.Grid.Height}); check crs / x_column / y_column");
            int mapped = map.ClassAt(col, row);
            if (mapped < 0) { onNoData++; continue; }
            pairs.Add((mapped, reference));
        }
        if (pairs.Count == 0) throw new InvalidDataException($"{pointsPath}: every validation point falls on a nodata pixel of {classMapPath}");
        var sample = ErrorMatrix.FromPairs(map.Classes, pairs);
        var areas = map.Pixels.Select(n => n * perPixel).ToArray();
        // A stratum without points has no estimate (Olofsson's estimators divide by its sample): the sample's own
        // figures are still reported, and the classes to sample are named.
        var unsampled = Enumerable.Range(0, map.Classes.Count).Where(c => map.Pixels[c] > 0 && sample.MapTotal(c) == 0).Select(c => map.Classes[c]).ToList();
        return new MapAccuracyResult(classMapPath, pointsPath, points.Count, onNoData, map.Pixels, unit, perPixel, sample,
            SampleAccuracy.Of(sample), unsampled.Count == 0 ? AreaWeightedAccuracy.Assess(sample, areas) : null, unsampled);
    }
}
