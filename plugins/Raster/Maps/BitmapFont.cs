namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>
/// A 5 × 7 pixel font (upper-case letters, digits and a few signs) for legends: the quicklook has no font library
/// to lean on, and a legend without names would not tell classes apart.
/// </summary>
public static class BitmapFont
{
    public const int GlyphWidth = 5, GlyphHeight = 7;

    static readonly Dictionary<char, string> Glyphs = new()
    {
        ['A'] = "01110100011000111111100011000110001", ['B'] = "11110100011000111110100011000111110",
        ['C'] = "01110100011000010000100001000101110", ['D'] = "11100100101000110001100011001011100",
        ['E'] = "11111100001000011110100001000011111", ['F'] = "11111100001000011110100001000010000",
        ['G'] = "01110100011000010111100011000101111", ['H'] = "10001100011000111111100011000110001",
        ['I'] = "01110001000010000100001000010001110", ['J'] = "00111000100001000010000101001001100",
        ['K'] = "10001100101010011000101001001010001", ['L'] = "10000100001000010000100001000011111",
        ['M'] = "10001110111010110101100011000110001", ['N'] = "10001100011100110101100111000110001",
        ['O'] = "01110100011000110001100011000101110", ['P'] = "11110100011000111110100001000010000",
        ['Q'] = "01110100011000110001101011001001101", ['R'] = "11110100011000111110101001001010001",
        ['S'] = "01111100001000001110000010000111110", ['T'] = "11111001000010000100001000010000100",
        ['U'] = "10001100011000110001100011000101110", ['V'] = "10001100011000110001100010101000100",
        ['W'] = "10001100011000110101101011010101010", ['X'] = "10001100010101000100010101000110001",
        ['Y'] = "10001100011000101010001000010000100", ['Z'] = "11111000010001000100010001000011111",
        ['0'] = "01110100011001110101110011000101110", ['1'] = "00100011000010000100001000010001110",
        ['2'] = "01110100010000100010001000100011111", ['3'] = "11111000100010000010000011000101110",
        ['4'] = "00010001100101010010111110001000010", ['5'] = "11111100001111000001000011000101110",
        ['6'] = "00110010001000011110100011000101110", ['7'] = "11111000010001000100010000100001000",
        ['8'] = "01110100011000101110100011000101110", ['9'] = "01110100011000101111000010001001100",
        ['_'] = "00000000000000000000000000000011111", ['-'] = "00000000000000011111000000000000000",
        ['.'] = "00000000000000000000000000110001100", [' '] = "00000000000000000000000000000000000",
        ['('] = "00010001000100001000010000010000010", [')'] = "01000001000001000010000100010001000",
        ['/'] = "00000000010001000100010001000000000", ['%'] = "11000110010001000100010001001100011",
        [':'] = "00000011000110000000011000110000000",
    };

    /// <summary>Width in pixels of <paramref name="text"/> at <paramref name="scale"/> (one blank column between glyphs).</summary>
    public static int Measure(string text, int scale) => text.Length * (GlyphWidth + 1) * scale;

    /// <summary>Draws text into an RGB image (row-major, interleaved); characters it lacks are drawn as '?'-less blanks.</summary>
    public static void Draw(Span<byte> rgb, int imageWidth, int imageHeight, int x, int y, string text, int scale, (byte R, byte G, byte B) colour)
    {
        foreach (var raw in text)
        {
            var ch = char.ToUpperInvariant(raw);
            if (Glyphs.TryGetValue(ch, out var bits))
                for (int gy = 0; gy < GlyphHeight; gy++)
                    for (int gx = 0; gx < GlyphWidth; gx++)
                        if (bits[gy * GlyphWidth + gx] == '1')
                            for (int sy = 0; sy < scale; sy++)
                                for (int sx = 0; sx < scale; sx++)
                                {
                                    int px = x + gx * scale + sx, py = y + gy * scale + sy;
                                    if (px < 0 || py < 0 || px >= imageWidth || py >= imageHeight) continue;
                                    int o = (py * imageWidth + px) * 3;
                                    rgb[o] = colour.R; rgb[o + 1] = colour.G; rgb[o + 2] = colour.B;
                                }
            x += (GlyphWidth + 1) * scale;
        }
    }
}
