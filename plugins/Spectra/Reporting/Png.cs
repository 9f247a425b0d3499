using System.IO.Compression;
using System.Buffers.Binary;

namespace LstmFcn.Plugins.Spectra.Reporting;

/// <summary>
/// A minimal PNG writer (8-bit RGB, no interlace, filter 0 per row, zlib via <see cref="ZLibStream"/>), so heatmaps
/// need no image library; the raster plugins' PNGs go through GDAL, which this family does not depend on.
/// </summary>
public static class Png
{
    public static void WriteRgb(Stream output, int width, int height, ReadOnlySpan<byte> rgb)
    {
        if (rgb.Length != width * height * 3) throw new ArgumentException($"{rgb.Length} bytes are not {width}×{height} RGB pixels");
        output.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: truecolour
        Chunk(output, "IHDR", header);
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[1 + width * 3];
            for (int y = 0; y < height; y++)
            {
                row[0] = 0; // filter: none
                rgb.Slice(y * width * 3, width * 3).CopyTo(row.AsSpan(1));
                z.Write(row);
            }
        }
        Chunk(output, "IDAT", compressed.ToArray());
        Chunk(output, "IEND", Array.Empty<byte>());
    }

    static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(four, data.Length);
        output.Write(four);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        uint crc = Crc32(Crc32(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(four, crc);
        output.Write(four);
    }

    static readonly uint[] Table = BuildTable();

    static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    /// <summary>CRC-32 (ISO 3309, as PNG requires) continued from <paramref name="crc"/> (start with 0xFFFFFFFF, finish with XOR).</summary>
    static uint Crc32(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }
}

/// <summary>Matrices as heatmap PNGs: a viridis-like colour ramp from the matrix minimum to maximum, nearest-neighbour scaling.</summary>
public static class Heatmap
{
    static readonly (double R, double G, double B)[] Ramp =
        { (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37) };

    /// <summary>
    /// Renders <paramref name="values"/> (rows × columns) with each cell <paramref name="cellWidth"/> × <paramref name="cellHeight"/>
    /// pixels; columns beyond <paramref name="maxColumns"/> are averaged into bins first. The colour ramp spans the
    /// minimum to the <paramref name="upperQuantile"/> of the cells (1 = the maximum), so a few extreme cells (e.g. gradient
    /// spikes) do not leave the rest of the map dark.
    /// </summary>
    public static void Write(Stream output, float[,] values, int cellWidth = 1, int cellHeight = 1, int maxColumns = int.MaxValue,
        double upperQuantile = 1)
    {
        int rows = values.GetLength(0), columns = values.GetLength(1);
        int bin = columns <= maxColumns ? 1 : (int)(((long)columns + maxColumns - 1) / maxColumns);
        int binned = (columns + bin - 1) / bin;
        var cells = new double[rows, binned];
        for (int r = 0; r < rows; r++)
            for (int b = 0; b < binned; b++)
            {
                double sum = 0; int n = 0;
                for (int c = b * bin; c < Math.Min(columns, (b + 1) * bin); c++) { sum += values[r, c]; n++; }
                cells[r, b] = sum / n;
            }
        var finite = cells.Cast<double>().Where(double.IsFinite).Order().ToArray();
        double lo = finite.Length > 0 ? finite[0] : 0;
        double hi = finite.Length > 0 ? finite[(int)Math.Round(Math.Clamp(upperQuantile, 0, 1) * (finite.Length - 1))] : 1;
        if (!(hi > lo)) hi = lo + 1;
        int width = binned * cellWidth, height = rows * cellHeight;
        var rgb = new byte[width * height * 3];
        for (int r = 0; r < rows; r++)
            for (int b = 0; b < binned; b++)
            {
                var (red, green, blue) = Colour((cells[r, b] - lo) / (hi - lo));
                for (int dy = 0; dy < cellHeight; dy++)
                    for (int dx = 0; dx < cellWidth; dx++)
                    {
                        int o = (((r * cellHeight + dy) * width) + b * cellWidth + dx) * 3;
                        rgb[o] = red; rgb[o + 1] = green; rgb[o + 2] = blue;
                    }
            }
        Png.WriteRgb(output, width, height, rgb);
    }

    static (byte, byte, byte) Colour(double t)
    {
        if (!double.IsFinite(t)) return (255, 255, 255);
        t = Math.Clamp(t, 0, 1) * (Ramp.Length - 1);
        int i = Math.Min((int)t, Ramp.Length - 2);
        double f = t - i;
        var (a, b) = (Ramp[i], Ramp[i + 1]);
        return ((byte)(a.R + f * (b.R - a.R)), (byte)(a.G + f * (b.G - a.G)), (byte)(a.B + f * (b.B - a.B)));
    }
}
