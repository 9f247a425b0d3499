using System.Globalization;
using System.Text.Json;

namespace LstmFcn.Plugins.Raster.Stac;

/// <summary>Reads STAC JSON: items of an ItemCollection (a GeoJSON FeatureCollection) or of a single Item.</summary>
public static class StacJson
{
    /// <summary>The items of <paramref name="root"/> (FeatureCollection or Feature); hrefs resolved against <paramref name="location"/>.</summary>
    public static List<StacItem> Items(JsonElement root, string location)
    {
        var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type == "FeatureCollection")
        {
            if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{location}: a FeatureCollection without a 'features' array");
            return features.EnumerateArray().Select((f, i) => Item(f, location, i)).ToList();
        }
        if (type == "Feature") return new List<StacItem> { Item(root, location, 0) };
        throw new InvalidDataException($"{location}: expected a STAC ItemCollection, Item or Catalog, found type '{type}'");
    }

    public static StacItem Item(JsonElement f, string location, int index)
    {
        var id = f.TryGetProperty("id", out var idEl) ? idEl.GetString() ?? $"#{index}" : $"#{index}";
        var where = $"{location}: item '{id}'";
        if (!f.TryGetProperty("properties", out var p) || p.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{where}: no 'properties'");
        var when = Text(p, "datetime") ?? Text(p, "start_datetime")
                   ?? throw new InvalidDataException($"{where}: no 'datetime' (nor start_datetime) property");
        if (!DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt))
            throw new InvalidDataException($"{where}: datetime '{when}' is not an RFC 3339 date-time");
        var tile = Text(p, "s2:mgrs_tile") ?? Text(p, "grid:code") ?? Text(p, "tile") ?? BboxTile(f) ?? "default";
        var assets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (f.TryGetProperty("assets", out var a) && a.ValueKind == JsonValueKind.Object)
            foreach (var asset in a.EnumerateObject())
            {
                if (!asset.Value.TryGetProperty("href", out var href) || href.GetString() is not { Length: > 0 } h) continue;
                var mediaType = asset.Value.TryGetProperty("type", out var mt) ? mt.GetString() ?? "" : "";
                bool raster = mediaType.Contains("tiff", StringComparison.OrdinalIgnoreCase) || mediaType.Contains("jp2", StringComparison.OrdinalIgnoreCase) ||
                              (mediaType.Length == 0 && (h.EndsWith(".tif", StringComparison.OrdinalIgnoreCase) || h.EndsWith(".tiff", StringComparison.OrdinalIgnoreCase)));
                if (raster) assets[asset.Name] = Resolve(location, h);
            }
        int? epsg = p.TryGetProperty("proj:epsg", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : null;
        double? gsd = p.TryGetProperty("gsd", out var g) && g.ValueKind == JsonValueKind.Number ? g.GetDouble() : null;
        var collection = f.TryGetProperty("collection", out var c) ? c.GetString() ?? "" : "";
        return new StacItem(id, collection, tile, DateOnly.FromDateTime(dt.UtcDateTime), assets, epsg, gsd);
    }

    static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null } : null;

    static string? BboxTile(JsonElement f) =>
        f.TryGetProperty("bbox", out var b) && b.ValueKind == JsonValueKind.Array
            ? string.Join("_", b.EnumerateArray().Select(x => x.GetDouble().ToString("F4", CultureInfo.InvariantCulture)))
            : null;

    /// <summary>An href relative to the document it is in: a URL joined as URLs are, a local path against its folder.</summary>
    public static string Resolve(string location, string href)
    {
        if (href.Contains("://", StringComparison.Ordinal) || href.StartsWith("/vsi", StringComparison.Ordinal)) return href;
        if (location.Contains("://", StringComparison.Ordinal)) return new Uri(new Uri(location), href).ToString();
        if (Path.IsPathRooted(href)) return href;
        return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(location))!, href));
    }
}
