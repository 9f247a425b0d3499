namespace LstmFcn.Plugins.Spectra.Reporting;

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
