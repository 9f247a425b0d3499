namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>
/// A PNG preview of a class map: the map scaled by nearest neighbour to a readable size, a title, and a legend of
/// colour swatches with class names.
/// </summary>
public static class Quicklook
{
    static readonly (byte, byte, byte) Background = (255, 255, 255), Ink = (20, 20, 20), Masked = (210, 210, 210);

    /// <param name="classes">Class index per pixel (row-major), 255 = masked.</param>
    public static (byte[] Rgb, int Width, int Height) Render(byte[] classes, int mapWidth, int mapHeight,
        IReadOnlyList<string> names, IReadOnlyList<(byte R, byte G, byte B)> colours, string title, int maxSide = 800)
    {
        int zoom = Math.Max(1, maxSide / Math.Max(mapWidth, mapHeight));
        double shrink = Math.Max(1.0, Math.Max(mapWidth, mapHeight) / (double)maxSide);
        int viewW = zoom > 1 ? mapWidth * zoom : (int)(mapWidth / shrink), viewH = zoom > 1 ? mapHeight * zoom : (int)(mapHeight / shrink);
        const int margin = 16, scale = 2, swatch = 18, rowHeight = 26;
        int legendW = margin + swatch + 8 + names.Select(n => BitmapFont.Measure(n, scale)).DefaultIfEmpty(0).Max() + margin;
        int titleH = 7 * scale + 2 * margin;
        int width = margin + viewW + margin + legendW;
        int height = titleH + Math.Max(viewH, names.Count * rowHeight) + margin;
        var rgb = new byte[width * height * 3];
        Fill(rgb, width, 0, 0, width, height, Background);
        BitmapFont.Draw(rgb, width, height, margin, margin, title, scale, Ink);

        for (int vy = 0; vy < viewH; vy++)
        {
            int my = zoom > 1 ? vy / zoom : Math.Min(mapHeight - 1, (int)(vy * shrink));
            for (int vx = 0; vx < viewW; vx++)
            {
                int mx = zoom > 1 ? vx / zoom : Math.Min(mapWidth - 1, (int)(vx * shrink));
                byte c = classes[my * mapWidth + mx];
                var colour = c < colours.Count ? colours[c] : Masked;
                int o = ((titleH + vy) * width + margin + vx) * 3;
                rgb[o] = colour.Item1; rgb[o + 1] = colour.Item2; rgb[o + 2] = colour.Item3;
            }
        }

        int legendX = margin + viewW + margin;
        for (int i = 0; i < names.Count; i++)
        {
            int y = titleH + i * rowHeight;
            Fill(rgb, width, legendX - 1, y - 1, swatch + 2, swatch + 2, Ink);
            Fill(rgb, width, legendX, y, swatch, swatch, colours[i]);
            BitmapFont.Draw(rgb, width, height, legendX + swatch + 8, y + (swatch - 7 * scale) / 2, names[i], scale, Ink);
        }
        return (rgb, width, height);
    }

    static void Fill(byte[] rgb, int imageWidth, int x, int y, int w, int h, (byte R, byte G, byte B) colour)
    {
        for (int yy = y; yy < y + h; yy++)
            for (int xx = x; xx < x + w; xx++)
            {
                int o = (yy * imageWidth + xx) * 3;
                rgb[o] = colour.R; rgb[o + 1] = colour.G; rgb[o + 2] = colour.B;
            }
    }
}
