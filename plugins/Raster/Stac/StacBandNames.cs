namespace LstmFcn.Plugins.Raster.Stac;

/// <summary>
/// Asset keys → band names: Sentinel-2's B01…B12 and Earth Search's lower-case names to sits' names (B04 → RED, nir →
/// NIR, SCL → CLOUD …), then the user's "KEY=BAND" pairs; other keys keep their name in upper case.
/// </summary>
public sealed class StacBandNames
{
    static readonly Dictionary<string, string> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["B01"] = "COASTAL", ["coastal"] = "COASTAL", ["B02"] = "BLUE", ["blue"] = "BLUE", ["B03"] = "GREEN", ["green"] = "GREEN",
        ["B04"] = "RED", ["red"] = "RED", ["B05"] = "RED_EDGE_1", ["rededge1"] = "RED_EDGE_1", ["B06"] = "RED_EDGE_2", ["rededge2"] = "RED_EDGE_2",
        ["B07"] = "RED_EDGE_3", ["rededge3"] = "RED_EDGE_3", ["B08"] = "NIR", ["nir"] = "NIR", ["B8A"] = "NIR_NARROW", ["nir08"] = "NIR_NARROW",
        ["B11"] = "SWIR_1", ["swir16"] = "SWIR_1", ["B12"] = "SWIR_2", ["swir22"] = "SWIR_2", ["SCL"] = "CLOUD", ["scl"] = "CLOUD",
    };

    readonly Dictionary<string, string> _names;

    public StacBandNames(IReadOnlyList<string> userPairs, string parameter)
    {
        _names = new Dictionary<string, string>(Defaults, StringComparer.OrdinalIgnoreCase);
        foreach (var pair in userPairs)
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                throw new ArgumentException($"{parameter}: '{pair}' is not KEY=BAND (e.g. B04=RED)");
            _names[parts[0]] = parts[1];
        }
    }

    public string For(string assetKey) => _names.TryGetValue(assetKey, out var band) ? band : assetKey.ToUpperInvariant();
}
