using System.Globalization;
using LstmFcn.Pipeline;
using LstmFcn.Plugins.Raster.Gdal;

namespace LstmFcn.Plugins.Raster.Accuracy;

/// <summary>
/// <c>accuracy</c> (sits_accuracy on a class map): labelled validation points against the class map → the sample's
/// confusion matrix, overall / user's / producer's accuracy, kappa and F1, and Olofsson et al.'s (2014) area-weighted
/// accuracy and class areas with 95 % intervals (strata = map classes) → accuracy.json and accuracy.csv in the map folder.
/// </summary>
public sealed class AccuracyMapVerb : MapPlugin<AccuracyMapVerb.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("validation points: CSV (x, y and label columns) or GeoJSON FeatureCollection of Points (label a property)", Required = true, Path = PathKind.ExistingFile)]
        public string Points { get; init; } = "";

        [Parameter("class map to assess instead of the stage's classes.tif (e.g. for the CLI)", Path = PathKind.ExistingFile)]
        public string? ClassMap { get; init; }

        [Parameter("CSV column of the x coordinate (longitude when crs is EPSG:4326)")]
        public string XColumn { get; init; } = "longitude";

        [Parameter("CSV column of the y coordinate (latitude when crs is EPSG:4326)")]
        public string YColumn { get; init; } = "latitude";

        [Parameter("CSV column / GeoJSON property of the reference label")]
        public string LabelColumn { get; init; } = "label";

        [Parameter("CRS of the points: EPSG:code, WKT, or 'map' for the map's own CRS (GeoJSON is EPSG:4326)")]
        public string Crs { get; init; } = "EPSG:4326";

        [Parameter("unit of the areas: ha, km2, m2 (projected maps) or pixels")]
        public AreaUnit AreaUnit { get; init; } = AreaUnit.Hectares;
    }

    public override string Name => "accuracy";
    public override string Description => "validation points vs the class map: confusion matrix, kappa, F1 and area-weighted accuracy and areas with 95 % CIs (Olofsson et al. 2014) → accuracy.json, accuracy.csv";
    protected override IReadOnlyList<string> Reads(Options options) =>
        options.ClassMap is null ? new[] { MapProducts.Classes } : Array.Empty<string>();

    /// <summary>What this verb leaves in the map folder (accuracy.json, accuracy.csv).</summary>
    public const string Product = "accuracy";

    protected override IReadOnlyList<string> Writes(Options options) => new[] { Product };

    protected override void Run(MapStageInput input, Options o, RunContext context)
    {
        var result = Assess(o.ClassMap ?? Path.Combine(input.Folder, ClassMapFile), input.Folder, o);
        var w = result.Weighted;
        string unit = AreaUnits.Name(o.AreaUnit);
        context.Log.Info($"Sample: {result.Sample.Total} points, overall accuracy {result.Unweighted.Overall:F3}, kappa {result.Unweighted.Kappa:F3}");
        if (result.PointsOnNoData > 0) context.Log.Warn($"{result.PointsOnNoData} validation point(s) fall on nodata pixels and were left out");
        if (w is null)
        {
            context.Log.Warn($"No area-weighted estimates: {result.WhyNoAreaEstimates}");
            context.Log.Info($"Wrote {Path.Combine(input.Folder, AccuracyFiles.Json)} and {AccuracyFiles.Csv}");
            return;
        }
        context.Log.Table($"accuracy ({result.Sample.Total} points; area-weighted, 95 % intervals; areas in {unit})",
            new[] { "class", "points", "user's", "producer's", $"mapped {unit}", $"estimated {unit}" },
            Enumerable.Range(0, w.Classes.Count).Select(c => (IReadOnlyList<string>)new[]
            {
                w.Classes[c], result.Sample.MapTotal(c).ToString(CultureInfo.InvariantCulture),
                Pm(w.Users[c].Value, w.Users[c].HalfWidth, "F2"), Pm(w.Producers[c].Value, w.Producers[c].HalfWidth, "F2"),
                w.MappedAreas[c].ToString("F0", CultureInfo.InvariantCulture), Pm(w.Areas[c].Value, w.Areas[c].HalfWidth, "F0"),
            }).ToList());
        context.Log.Info($"Overall accuracy {Pm(w.Overall.Value, w.Overall.HalfWidth, "F3")} (area-weighted)");
        context.Log.Info($"Wrote {Path.Combine(input.Folder, AccuracyFiles.Json)} and {AccuracyFiles.Csv}");
    }

    /// <summary>The class map cube-label writes into the map folder.</summary>
    public const string ClassMapFile = "classes.tif";

    /// <summary>
    /// The whole verb without a pipeline: assesses <paramref name="classMap"/> with the options' points and writes
    /// accuracy.json and accuracy.csv into <paramref name="outputFolder"/>.
    /// </summary>
    public static MapAccuracyResult Assess(string classMap, string outputFolder, Options o)
    {
        if (!File.Exists(classMap)) throw new FileNotFoundException($"{classMap}: no class map; run cube-label first (or give class_map)", classMap);
        var points = ValidationPoints.Read(o.Points, o.XColumn, o.YColumn, o.LabelColumn);
        var result = MapAccuracy.Assess(GdalRasterFiles.Instance, classMap, points, o.Points, o.Crs, o.AreaUnit);
        Directory.CreateDirectory(outputFolder);
        AccuracyFiles.Write(outputFolder, result);
        return result;
    }

    static string Pm(double value, double halfWidth, string format) =>
        double.IsFinite(value)
            ? value.ToString(format, CultureInfo.InvariantCulture) + (double.IsFinite(halfWidth) ? " ± " + halfWidth.ToString(format, CultureInfo.InvariantCulture) : "")
            : "–";
}
