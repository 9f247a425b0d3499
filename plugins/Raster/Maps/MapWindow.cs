using System.Globalization;
using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>
/// The part of a cube a map covers: the whole grid, or the pixels a region of interest touches (its bounding box in
/// the cube's CRS or in lon/lat). The map's own grid is that window of the cube's, so a map of a region is the
/// full map cropped.
/// </summary>
public sealed record MapWindow(int X, int Y, int Width, int Height, RasterGrid Grid)
{
    public static MapWindow Whole(RasterGrid grid) => new(0, 0, grid.Width, grid.Height, grid);

    /// <param name="roi">xmin, ymin, xmax, ymax; empty = the whole grid.</param>
    /// <param name="crs">"cube" (the cube's CRS), EPSG:code or WKT of the ROI's corners.</param>
    public static MapWindow Of(RasterGrid grid, IReadOnlyList<double> roi, string crs, IRasterFiles io, string cube)
    {
        if (roi.Count == 0) return Whole(grid);
        if (roi.Count != 4 || roi[0] >= roi[2] || roi[1] >= roi[3])
            throw new ArgumentException($"roi [{string.Join(", ", roi)}]: expected [xmin, ymin, xmax, ymax] with xmin < xmax and ymin < ymax");
        var corners = new[] { (roi[0], roi[1]), (roi[0], roi[3]), (roi[2], roi[1]), (roi[2], roi[3]) };
        using var transform = crs == "cube" ? null : io.Transform(crs, grid.ProjectionWkt);
        double c0 = double.MaxValue, c1 = double.MinValue, r0 = double.MaxValue, r1 = double.MinValue;
        foreach (var (x, y) in corners)
        {
            var (mx, my) = transform?.Transform(x, y) ?? (x, y);
            var (c, r) = grid.ToPixel(mx, my);
            (c0, c1, r0, r1) = (Math.Min(c0, c), Math.Max(c1, c), Math.Min(r0, r), Math.Max(r1, r));
        }
        return Window(grid, c0, r0, c1, r1, () => $"{cube}: the roi [{string.Join(", ", roi.Select(v => v.ToString(CultureInfo.InvariantCulture)))}] ({crs}) " +
                                                   $"lies outside the cube's {grid.Width} × {grid.Height} px");
    }

    /// <summary>The grid's pixels that fractional bounds touch, as a window with its own (shifted) grid.</summary>
    static MapWindow Window(RasterGrid grid, double c0, double r0, double c1, double r1, Func<string> outside)
    {
        int x0 = Math.Max(0, (int)Math.Floor(c0)), y0 = Math.Max(0, (int)Math.Floor(r0));
        int x1 = Math.Min(grid.Width, (int)Math.Ceiling(c1)), y1 = Math.Min(grid.Height, (int)Math.Ceiling(r1));
        if (x1 <= x0 || y1 <= y0) throw new InvalidDataException(outside());
        var g = grid.GeoTransform;
        var shifted = new[] { g[0] + x0 * g[1] + y0 * g[2], g[1], g[2], g[3] + x0 * g[4] + y0 * g[5], g[4], g[5] };
        return new MapWindow(x0, y0, x1 - x0, y1 - y0, grid with { Width = x1 - x0, Height = y1 - y0, GeoTransform = shifted });
    }

    /// <summary>The window of the pixels a region's polygons touch (their bounding box, clipped to the grid).</summary>
    public static MapWindow Of(RasterGrid grid, PixelPolygon polygon, string cube)
    {
        var (c0, r0, c1, r1) = polygon.Bounds;
        return Window(grid, c0, r0, c1, r1, () => $"{cube}: the roi polygons lie outside the cube's {grid.Width} × {grid.Height} px");
    }

    public string Describe() => X == 0 && Y == 0 && Width == Grid.Width && Height == Grid.Height && Grid.Width == Width
        ? $"{Width} × {Height} px"
        : $"{Width} × {Height} px at ({X}, {Y})";
}
