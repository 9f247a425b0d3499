namespace LstmFcn.Plugins.Raster.Stac;

/// <summary>One tile of a STAC source: its files by band and date, and the (band, date) pairs no item provides.</summary>
public sealed record StacTile(string Name, IReadOnlyDictionary<string, SortedDictionary<DateOnly, string>> Files,
    IReadOnlyList<DateOnly> Dates, IReadOnlyList<string> Bands, IReadOnlyList<(string Band, DateOnly Date)> Missing,
    int Items, int? Epsg, double? Resolution);
