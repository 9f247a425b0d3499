namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>
/// Colours of classes on maps: land-cover names sits users know get their familiar colours (forest green, water
/// blue…), others take distinct colours from a qualitative palette in class order.
/// </summary>
public static class ClassPalette
{
    static readonly (string Word, (byte, byte, byte) Colour)[] Known =
    {
        ("forest", (26, 110, 48)), ("cerrado", (160, 180, 80)), ("pasture", (240, 220, 110)), ("water", (50, 110, 200)),
        ("urban", (200, 60, 60)), ("wetland", (120, 170, 200)), ("fallow", (190, 140, 90)),
        ("soy_corn", (230, 150, 40)), ("soy_cotton", (200, 110, 170)), ("soy_fallow", (250, 190, 120)),
        ("soy_millet", (130, 100, 190)), ("soy_sunflower", (250, 230, 40)), ("cotton", (220, 200, 230)),
    };

    static readonly (byte, byte, byte)[] Qualitative =
    {
        (31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189), (140, 86, 75),
        (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207), (174, 199, 232), (255, 187, 120),
    };

    public static IReadOnlyList<(byte R, byte G, byte B)> For(IReadOnlyList<string> classes)
    {
        var colours = new List<(byte, byte, byte)>(classes.Count);
        var used = new HashSet<(byte, byte, byte)>();
        int next = 0;
        foreach (var name in classes)
        {
            var lower = name.ToLowerInvariant();
            var known = Known.FirstOrDefault(k => lower == k.Word);
            if (known.Word is null) known = Known.FirstOrDefault(k => lower.Contains(k.Word) && !used.Contains(k.Colour));
            if (known.Word is not null && used.Add(known.Colour)) colours.Add(known.Colour);
            else
            {
                while (used.Contains(Qualitative[next % Qualitative.Length]) && next < 2 * Qualitative.Length) next++;
                var c = Qualitative[next++ % Qualitative.Length];
                used.Add(c);
                colours.Add(c);
            }
        }
        return colours;
    }
}
