using LstmFcn.Pipeline;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>Where the map verbs keep their files inside a run directory, so each finds what the previous wrote.</summary>
public static class MapLayout
{
    public const string Probabilities = "probabilities.tif";
    public const string Smoothed = "probabilities-smoothed.tif";
    public const string Classes = "classes.tif";
    public const string Uncertainty = "uncertainty.tif";
    public const string Quicklook = "quicklook.png";
    public const string Blocks = "blocks";

    /// <summary>Metadata of probabilities.tif: the first and last date of the cube it was classified from.</summary>
    public const string StartDateKey = "LSTMFCN_START_DATE", EndDateKey = "LSTMFCN_END_DATE";

    /// <summary>Probabilities are stored as UInt16 × 1e-4 (sits' convention); 65535 marks masked pixels.</summary>
    public const double ProbabilityScale = 1e-4;
    public const ushort ProbabilityNoData = 65535;
    public const byte ClassNoData = 255;

    public static ushort EncodeProbability(float p) => (ushort)Math.Clamp(MathF.Round(p * 10000f), 0f, 10000f);
    public static float DecodeProbability(ushort v) => v * 1e-4f;

    /// <summary>Which probabilities a labelling or uncertainty verb reads.</summary>
    public enum Source { Smoothed, Probabilities }

    /// <summary>The map product a source is (what the stage-order check looks for in earlier steps).</summary>
    public static string Product(Source source) => source == Source.Smoothed ? MapProducts.Smoothed : MapProducts.Probabilities;

    /// <summary>The probability map a labelling or uncertainty verb reads; the stage order guarantees an earlier verb wrote it.</summary>
    public static string ProbabilityInput(string folder, Source source)
    {
        var path = Path.Combine(folder, source == Source.Smoothed ? Smoothed : Probabilities);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no probability map; the map stage needs cube-classify{(source == Source.Smoothed ? " and cube-smooth" : "")} before this verb", path);
        return path;
    }

    /// <summary>
    /// Writes a raster through GDAL at a temporary name (<c>NAME.partial.tif</c>) and renames it, with the
    /// <c>.aux.xml</c> sidecar GDAL keeps beside it for what the format cannot hold (category names in GeoTIFF): a
    /// final name appears only for a complete, flushed file, and a failed write leaves neither.
    /// </summary>
    public static void Write(string final, Action<string> writeAt)
    {
        if (File.Exists(final + ".aux.xml")) File.Delete(final + ".aux.xml"); // a stale sidecar must not describe the new file
        AtomicFile.WriteVia(final, writeAt, ".aux.xml");
    }

    /// <summary>Overview factors until the smallest level is about one tile.</summary>
    public static IReadOnlyList<int> OverviewFactors(int width, int height)
    {
        var factors = new List<int>();
        for (int f = 2; Math.Max(width, height) / f >= 256; f *= 2) factors.Add(f);
        return factors;
    }
}
