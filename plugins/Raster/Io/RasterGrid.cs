namespace LstmFcn.Plugins.Raster.Io;

/// <summary>
/// Where a raster's pixels lie: size, affine geotransform (x0, dx, rx, y0, ry, dy; GDAL's order, upper-left corner of
/// the upper-left pixel) and CRS as WKT.
/// </summary>
public sealed record RasterGrid(int Width, int Height, double[] GeoTransform, string ProjectionWkt)
{
    /// <summary>Same size and geotransform (to a thousandth of a pixel) and the same CRS text.</summary>
    public bool Matches(RasterGrid other, out string difference)
    {
        difference = "";
        if (Width != other.Width || Height != other.Height) difference = $"size {other.Width} × {other.Height}, expected {Width} × {Height}";
        else if (!SameTransform(other)) difference = $"geotransform [{string.Join(", ", other.GeoTransform)}], expected [{string.Join(", ", GeoTransform)}]";
        else if (!string.Equals(Normalise(ProjectionWkt), Normalise(other.ProjectionWkt), StringComparison.Ordinal)) difference = "a different CRS";
        return difference.Length == 0;
    }

    bool SameTransform(RasterGrid other)
    {
        double tolerance = 1e-3 * Math.Max(Math.Abs(GeoTransform[1]), Math.Abs(GeoTransform[5]));
        for (int i = 0; i < 6; i++)
            if (Math.Abs(GeoTransform[i] - other.GeoTransform[i]) > tolerance) return false;
        return true;
    }

    static string Normalise(string wkt) => string.Concat(wkt.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Map coordinates (cube CRS) → fractional pixel column and row (north-up grids).</summary>
    public (double Column, double Row) ToPixel(double x, double y)
    {
        var g = GeoTransform;
        double det = g[1] * g[5] - g[2] * g[4];
        double dx = x - g[0], dy = y - g[3];
        return ((g[5] * dx - g[2] * dy) / det, (-g[4] * dx + g[1] * dy) / det);
    }
}
