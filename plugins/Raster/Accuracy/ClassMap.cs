using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Accuracy;

/// <summary>
/// A class map (cube-label's classes.tif, or any single-band integer GeoTIFF with class names): its classes, grid,
/// pixel count per class and the area of one pixel. Pixels whose value is nodata or beyond the class list count as
/// unmapped.
/// </summary>
public sealed class ClassMap : IDisposable
{
    /// <summary>The metadata item cube-label writes the class names in.</summary>
    public const string ClassesMetadata = "LSTMFCN_CLASSES";
    const int BlockRows = 256;

    readonly IRasterReader _reader;
    readonly double? _noData;

    ClassMap(IRasterReader reader, IReadOnlyList<string> classes, long[] pixels, double? metresPerUnit)
    {
        _reader = reader;
        _noData = reader.NoData(1);
        Classes = classes;
        Pixels = pixels;
        var g = reader.Grid.GeoTransform;
        PixelArea = Math.Abs(g[1] * g[5] - g[2] * g[4]);
        MetresPerUnit = metresPerUnit;
    }

    public string Path => _reader.Path;
    public RasterGrid Grid => _reader.Grid;
    public IReadOnlyList<string> Classes { get; }
    /// <summary>Mapped pixels per class.</summary>
    public IReadOnlyList<long> Pixels { get; }
    /// <summary>Area of one pixel in the CRS's squared units.</summary>
    public double PixelArea { get; }
    /// <summary>Metres per CRS unit; null for a geographic CRS (pixel areas in degrees² are no areas).</summary>
    public double? MetresPerUnit { get; }

    public static ClassMap Open(IRasterFiles io, string path)
    {
        var reader = io.Open(path);
        try
        {
            if (reader.BandCount != 1) throw new InvalidDataException($"{path}: a class map has one band; this file has {reader.BandCount}");
            var classes = reader.Metadata(ClassesMetadata) is { Length: > 0 } listed
                ? listed.Split(',')
                : reader.CategoryNames(1).ToArray();
            if (classes.Length == 0)
                throw new InvalidDataException($"{path}: no class names (neither {ClassesMetadata} metadata nor category names); write the map with cube-label");
            var pixels = new long[classes.Length];
            var noData = reader.NoData(1);
            int w = reader.Grid.Width, h = reader.Grid.Height;
            var buffer = new ushort[w * BlockRows];
            for (int y = 0; y < h; y += BlockRows)
            {
                int rows = Math.Min(BlockRows, h - y);
                reader.Read(1, 0, y, w, rows, buffer);
                for (int i = 0; i < w * rows; i++)
                {
                    int v = buffer[i];
                    if (v < classes.Length && v != noData) pixels[v]++;
                }
            }
            return new ClassMap(reader, classes, pixels, io.MetresPerUnit(reader.Grid.ProjectionWkt));
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The class index at a pixel, or -1 where the map has none (nodata, or a value beyond the classes).</summary>
    public int ClassAt(int column, int row)
    {
        Span<ushort> v = stackalloc ushort[1];
        _reader.Read(1, column, row, 1, 1, v);
        return v[0] < Classes.Count && v[0] != _noData ? v[0] : -1;
    }

    /// <summary>Reads rows [y, y + rows) of the map into <paramref name="buffer"/> as class indices (-1: none).</summary>
    public void ReadRows(int y, int rows, Span<int> buffer)
    {
        int w = Grid.Width;
        var raw = new ushort[w * rows];
        _reader.Read(1, 0, y, w, rows, raw);
        for (int i = 0; i < raw.Length; i++) buffer[i] = raw[i] < Classes.Count && raw[i] != _noData ? raw[i] : -1;
    }

    public void Dispose() => _reader.Dispose();
}
