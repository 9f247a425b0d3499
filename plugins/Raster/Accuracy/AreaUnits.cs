namespace LstmFcn.Plugins.Raster.Accuracy;

static class AreaUnits
{
    public static string Name(AreaUnit unit) => unit switch
    {
        AreaUnit.Hectares => "ha",
        AreaUnit.SquareKilometres => "km2",
        AreaUnit.SquareMetres => "m2",
        _ => "pixels",
    };

    /// <summary>The area of one pixel of <paramref name="map"/> in <paramref name="unit"/>.</summary>
    public static double PerPixel(ClassMap map, AreaUnit unit)
    {
        if (unit == AreaUnit.Pixels) return 1;
        if (map.MetresPerUnit is not { } m)
            throw new InvalidDataException($"{map.Path}: the map's CRS is geographic (degrees) or missing, so its pixels have no area in {Name(unit)}; use area_unit: pixels or a projected map");
        double squareMetres = map.PixelArea * m * m;
        return unit switch
        {
            AreaUnit.Hectares => squareMetres / 10_000,
            AreaUnit.SquareKilometres => squareMetres / 1_000_000,
            _ => squareMetres,
        };
    }
}
