using System.Globalization;
using System.Text;
using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Stac;

/// <summary>
/// Groups STAC items by tile and date (each tile becomes a cube); an item's asset keys become band names. What
/// <see cref="Describe"/> prints comes from the items alone, plus one file header per tile for the CRS and pixel size.
/// </summary>
public static class StacTiles
{
    public static IReadOnlyList<StacTile> Group(IEnumerable<StacItem> items, StacBandNames names)
    {
        var tiles = new List<StacTile>();
        foreach (var group in items.GroupBy(i => i.Tile).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var files = new SortedDictionary<string, SortedDictionary<DateOnly, string>>(StringComparer.Ordinal);
            var dates = new SortedSet<DateOnly>();
            foreach (var item in group.OrderBy(i => i.Date).ThenBy(i => i.Id, StringComparer.Ordinal))
            {
                dates.Add(item.Date);
                foreach (var (key, href) in item.Assets)
                {
                    var band = names.For(key);
                    if (!files.TryGetValue(band, out var byDate)) files[band] = byDate = new SortedDictionary<DateOnly, string>();
                    byDate.TryAdd(item.Date, href); // two items of one tile on one day: the first (by id) wins
                }
            }
            tiles.Add(Tile(group.Key, files, dates, group.Count(),
                group.Select(i => i.Epsg).FirstOrDefault(e => e is not null), group.Select(i => i.Resolution).FirstOrDefault(r => r is not null)));
        }
        return tiles;
    }

    /// <summary>A tile from its files by band and date; the (band, date) pairs of <paramref name="dates"/> without a file are its missing ones.</summary>
    public static StacTile Tile(string name, IReadOnlyDictionary<string, SortedDictionary<DateOnly, string>> files, IEnumerable<DateOnly> dates,
        int items, int? epsg, double? resolution)
    {
        var all = dates.Distinct().Order().ToList();
        var missing = files.SelectMany(b => all.Where(d => !b.Value.ContainsKey(d)).Select(d => (b.Key, d))).ToList();
        return new StacTile(name, files, all, files.Keys.ToList(), missing, items, epsg, resolution);
    }

    /// <summary>
    /// `cube describe` for a STAC source: tiles, bands, dates, CRS, resolution, missing assets — from the items, and
    /// from one file's header per tile where the items do not say (no pixel is read).
    /// </summary>
    /// <param name="units">What a tile's <see cref="StacTile.Items"/> count: STAC items, or a folder's files.</param>
    public static string Describe(IReadOnlyList<StacTile> tiles, IRasterFiles? io, string units = "item(s)", string missingWhat = "assets")
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"{tiles.Count} tile(s)\n");
        foreach (var t in tiles)
        {
            string crs = t.Epsg is { } e ? $"EPSG:{e}" : "", resolution = t.Resolution is { } r ? r.ToString("G", CultureInfo.InvariantCulture) : "", size = "";
            if (io is not null && (crs.Length == 0 || resolution.Length == 0) && t.Files.Values.FirstOrDefault()?.Values.FirstOrDefault() is { } file)
            {
                using var reader = io.Open(file);
                if (crs.Length == 0) crs = CrsName(reader.Grid.ProjectionWkt);
                if (resolution.Length == 0) resolution = Math.Round(Math.Abs(reader.Grid.GeoTransform[1]), 6).ToString("G", CultureInfo.InvariantCulture);
                size = $", {reader.Grid.Width} × {reader.Grid.Height} px";
            }
            b.Append(CultureInfo.InvariantCulture, $"tile {t.Name}: {t.Items} {units}, bands {string.Join(", ", t.Bands)}, ")
             .Append(CultureInfo.InvariantCulture, $"{t.Dates.Count} date(s) {(t.Dates.Count > 0 ? $"{t.Dates[0]:yyyy-MM-dd} … {t.Dates[^1]:yyyy-MM-dd}" : "")}, ")
             .Append(CultureInfo.InvariantCulture, $"CRS {(crs.Length > 0 ? crs : "unknown")}, resolution {(resolution.Length > 0 ? resolution : "unknown")}{size}\n");
            b.Append(CultureInfo.InvariantCulture, $"  dates: {string.Join(", ", t.Dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}\n");
            b.Append(t.Missing.Count == 0 ? $"  missing {missingWhat}: none\n"
                : $"  missing {missingWhat} ({t.Missing.Count}): {string.Join(", ", t.Missing.Take(20).Select(m => $"{m.Band} {m.Date:yyyy-MM-dd}"))}{(t.Missing.Count > 20 ? ", …" : "")}\n");
        }
        return b.ToString();
    }

    /// <summary>
    /// The CRS's name from its WKT (the first quoted string, e.g. "WGS 84 / UTM zone 21S"); an unnamed one by its
    /// projection method, e.g. "unknown (Sinusoidal)".
    /// </summary>
    static string CrsName(string wkt)
    {
        if (wkt.Length == 0) return "";
        var name = Quoted(wkt, 0) ?? "custom";
        if (name is "unknown" or "unnamed")
            foreach (var key in new[] { "PROJECTION[\"", "METHOD[\"" })
                if (wkt.IndexOf(key, StringComparison.Ordinal) is >= 0 and var i && Quoted(wkt, i) is { } method) return $"{name} ({method})";
        return name;
    }

    static string? Quoted(string text, int from)
    {
        int a = text.IndexOf('"', from), z = a >= 0 ? text.IndexOf('"', a + 1) : -1;
        return z > a ? text[(a + 1)..z] : null;
    }
}
