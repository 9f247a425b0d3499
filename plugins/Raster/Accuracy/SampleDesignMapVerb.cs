using System.Globalization;
using LstmFcn.Accuracy;
using LstmFcn.Pipeline;
using LstmFcn.Plugins.Raster.Gdal;

namespace LstmFcn.Plugins.Raster.Accuracy;

/// <summary>
/// <c>sample-design</c> (sits_sampling_design + sits_stratified_sampling): a stratified random sample of the class
/// map for labelling, the first step of an accuracy assessment — n from Olofsson et al.'s (2014) eq. 13 for a target
/// standard error of the overall accuracy (given the user's accuracy expected of each class), allocated in proportion
/// to the mapped areas with a minimum per class, or a fixed count per class.
/// </summary>
public sealed class SampleDesignMapVerb : MapPlugin<SampleDesignMapVerb.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("class map to sample instead of the stage's classes.tif (e.g. for the CLI)", Path = PathKind.ExistingFile)]
        public string? ClassMap { get; init; }

        [Parameter("file written in the map folder: .geojson/.json (GeoJSON) or .csv", Path = PathKind.RunOutput)]
        public string Output { get; init; } = "validation-sample.geojson";

        [Parameter("a fixed number of points per class instead of Olofsson's sample size", Min = 1, Max = 1_000_000)]
        public int? PerClass { get; init; }

        [Parameter("target standard error of the overall accuracy (Olofsson eq. 13)", Min = 0.001, Max = 0.5)]
        public double StandardError { get; init; } = 0.01;

        [Parameter("user's accuracy expected of each class (one value for all, or one per map class in the map's order)", Min = 0.01, Max = 1)]
        public IReadOnlyList<double> ExpectedAccuracy { get; init; } = [0.75];

        [Parameter("at least this many points per class (rare classes; Olofsson et al. advise 50-100)", Min = 0, Max = 1_000_000)]
        public int MinPerClass { get; init; } = 50;
    }

    public override string Name => "sample-design";
    public override string Description => "stratified random validation sample of the class map (Olofsson sample size or a count per class) → GeoJSON/CSV for labelling";
    protected override IReadOnlyList<string> Reads(Options options) =>
        options.ClassMap is null ? new[] { MapProducts.Classes } : Array.Empty<string>();

    public const string Product = "sample";
    protected override IReadOnlyList<string> Writes(Options options) => new[] { Product };

    protected override void Run(MapStageInput input, Options o, RunContext context)
    {
        var output = Path.Combine(input.Folder, o.Output);
        var (points, classes, sizes) = Draw(o.ClassMap ?? Path.Combine(input.Folder, AccuracyMapVerb.ClassMapFile), output, o,
            context.RandomFor("sample-design"));
        context.Log.Table("validation sample", new[] { "class", "points" },
            classes.Select((c, i) => (IReadOnlyList<string>)new[] { c, sizes[i].ToString(CultureInfo.InvariantCulture) }).ToList());
        context.Log.Info($"Wrote {points.Count} points to {output}; label them (column/property 'label') and give the file to the accuracy verb");
    }

    /// <summary>
    /// The whole verb without a pipeline: draws the sample of <paramref name="classMap"/> and writes it to
    /// <paramref name="output"/> (.geojson/.json or .csv). Same random stream → same points.
    /// </summary>
    public static (IReadOnlyList<SamplePoint> Points, IReadOnlyList<string> Classes, int[] Sizes) Draw(string classMap, string output, Options o, Random random)
    {
        if (!File.Exists(classMap)) throw new FileNotFoundException($"{classMap}: no class map; run cube-label first (or give class_map)", classMap);
        var io = GdalRasterFiles.Instance;
        using var map = ClassMap.Open(io, classMap);
        if (o.ExpectedAccuracy.Count != 1 && o.ExpectedAccuracy.Count != map.Classes.Count)
            throw new ArgumentException($"{o.Step}: expected_accuracy has {o.ExpectedAccuracy.Count} values; give one, or one per class of {classMap} ({string.Join(", ", map.Classes)})");
        var sizes = StratifiedSample.Sizes(map.Pixels, o.PerClass, o.StandardError, o.ExpectedAccuracy, o.MinPerClass);
        using var toLonLat = map.Grid.ProjectionWkt.Length > 0 ? io.Transform(map.Grid.ProjectionWkt, "EPSG:4326") : null;
        var points = StratifiedSample.Draw(map, sizes, random, (x, y) => toLonLat?.Transform(x, y) ?? (x, y));
        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (folder is not null) Directory.CreateDirectory(folder);
        SampleFiles.Write(output, points, map.Classes);
        return (points, map.Classes, sizes);
    }
}
