namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>A rectangle of pixels processed as one unit.</summary>
public readonly record struct Block(int Index, int X, int Y, int Width, int Height)
{
    public int Pixels => Width * Height;

    /// <summary>Row-major tiling of a width × height grid by square blocks of <paramref name="size"/>.</summary>
    public static IReadOnlyList<Block> Tile(int width, int height, int size)
    {
        var blocks = new List<Block>();
        for (int y = 0; y < height; y += size)
            for (int x = 0; x < width; x += size)
                blocks.Add(new Block(blocks.Count, x, y, Math.Min(size, width - x), Math.Min(size, height - y)));
        return blocks;
    }
}
