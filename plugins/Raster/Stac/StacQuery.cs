namespace LstmFcn.Plugins.Raster.Stac;

/// <summary>What to ask a STAC API's /search for.</summary>
public sealed record StacQuery(IReadOnlyList<string> Collections, IReadOnlyList<double> Bbox, string? Datetime, int Limit, int MaxItems = 100_000);
