namespace LstmFcn.Plugins.Raster.Accuracy;

/// <summary>A labelled validation point: where it is (in the points' CRS), its reference label, and where it came from.</summary>
public sealed record ValidationPoint(string Where, double X, double Y, string Label);
