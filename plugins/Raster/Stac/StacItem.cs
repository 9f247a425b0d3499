namespace LstmFcn.Plugins.Raster.Stac;

/// <summary>
/// A STAC item as a cube needs it: its tile (<c>s2:mgrs_tile</c>, <c>grid:code</c>, <c>tile</c>, else its bbox), its
/// date, its raster assets (key → absolute href) and what it says of its CRS and resolution.
/// </summary>
public sealed record StacItem(string Id, string Collection, string Tile, DateOnly Date, IReadOnlyDictionary<string, string> Assets,
    int? Epsg, double? Resolution);
