namespace LstmFcn.Plugins.Raster.Io;

/// <summary>Reprojects points between two coordinate reference systems (x = easting/longitude, y = northing/latitude).</summary>
public interface ICoordinateTransform : IDisposable
{
    (double X, double Y) Transform(double x, double y);
}
