namespace LstmFcn.Plugins.Raster.Accuracy;

/// <summary>A drawn sample point: the pixel, its centre in the map's CRS and in longitude/latitude, and its map class.</summary>
public sealed record SamplePoint(int Id, int Column, int Row, double X, double Y, double Longitude, double Latitude, int MapClass);
