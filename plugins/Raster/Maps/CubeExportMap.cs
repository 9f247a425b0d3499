using System.Globalization;
using LstmFcn.Pipeline;
using LstmFcn.Plugins.Raster.Gdal;
using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>
/// <c>cube-export</c>: the stage's maps under sits' names — <c>{satellite}_{sensor}_{tile}_{start}_{end}_probs_{version}.tif</c>,
/// <c>_bayes_</c>, <c>_class_</c>, <c>_entropy_</c> — with sits' class codes 1..K (nodata 255) in the class map, and a
/// QGIS style (<c>.qml</c>, a paletted renderer with the class names and colours) beside every class map, so the maps
/// open in sits and QGIS as their own. Copies: the stage's own files stay as they are for the later verbs and reports.
/// </summary>
public sealed class CubeExportMap : MapPlugin<CubeExportMap.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("sits' {satellite} field of the names", Required = true)]
        public string Satellite { get; init; } = "";

        [Parameter("sits' {sensor} field of the names", Required = true)]
        public string Sensor { get; init; } = "";

        [Parameter("sits' {tile} field of the names", Required = true)]
        public string Tile { get; init; } = "";

        [Parameter("sits' {version} field of the names")]
        public string Version { get; init; } = "v1";

        public override IEnumerable<OptionProblem> Validate()
        {
            foreach (var (name, value) in new[] { ("satellite", Satellite), ("sensor", Sensor), ("tile", Tile), ("version", Version) })
                if (value.Length == 0 || value.Contains('_') || value.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                    yield return new(name, $"'{value}' cannot be a field of a sits file name (non-empty, no '_' or '/')");
        }
    }

    public override string Name => "cube-export";
    public override string Description => "the maps under sits' names with class codes 1..K and QGIS .qml styles (after cube-label)";

    protected override IReadOnlyList<string> Reads(Options options) => [MapProducts.Classes];
    protected override IReadOnlyList<string> Writes(Options options) => [];

    protected override void Run(MapStageInput stage, Options options, RunContext context)
    {
        var io = GdalRasterFiles.Instance;
        var folder = stage.Folder;
        var probabilities = Path.Combine(folder, MapLayout.Probabilities);
        string start, end;
        using (var reader = io.Open(probabilities))
        {
            start = reader.Metadata(MapLayout.StartDateKey) ?? throw new InvalidDataException($"{probabilities}: no {MapLayout.StartDateKey} (written by cube-classify)");
            end = reader.Metadata(MapLayout.EndDateKey) ?? throw new InvalidDataException($"{probabilities}: no {MapLayout.EndDateKey} (written by cube-classify)");
        }
        string NameOf(string kind) => $"{options.Satellite}_{options.Sensor}_{options.Tile}_{start}_{end}_{kind}_{options.Version}.tif";

        var written = new List<string>();
        foreach (var (own, kind) in new[] { (MapLayout.Probabilities, "probs"), (MapLayout.Smoothed, "bayes"), (MapLayout.Uncertainty, UncertaintyKind(folder, io)) })
        {
            var source = Path.Combine(folder, own);
            if (kind is null || !File.Exists(source)) continue;
            var target = Path.Combine(folder, NameOf(kind));
            MapLayout.Write(target, temp =>
            {
                File.Copy(source, temp, overwrite: true);
                if (File.Exists(source + ".aux.xml")) File.Copy(source + ".aux.xml", temp + ".aux.xml", overwrite: true);
            });
            written.Add(target);
        }

        var classes = Path.Combine(folder, MapLayout.Classes);
        var sitsClasses = Path.Combine(folder, NameOf("class"));
        var names = SitsCodes(classes, sitsClasses, io);
        written.Add(sitsClasses);
        var colours = ClassPalette.For(names);
        QgisStyle.Write(Path.ChangeExtension(sitsClasses, ".qml"), names, colours, firstCode: 1);
        context.Log.Info($"cube-export: {string.Join(", ", written.Select(Path.GetFileName))} (+ .qml styles)");
    }

    /// <summary>sits names an entropy map "_entropy_"; other measures have no sits name and are not exported.</summary>
    static string? UncertaintyKind(string folder, IRasterFiles io)
    {
        var path = Path.Combine(folder, MapLayout.Uncertainty);
        if (!File.Exists(path)) return null;
        using var reader = io.Open(path);
        return reader.Description(1) is { } d && d.StartsWith("entropy", StringComparison.Ordinal) ? "entropy" : null;
    }

    /// <summary>The class map with codes 1..K (ours are 0..K-1) and nodata 255, as sits writes it; returns the class names.</summary>
    static IReadOnlyList<string> SitsCodes(string classes, string target, IRasterFiles io)
    {
        using var reader = io.Open(classes);
        var names = (reader.Metadata("LSTMFCN_CLASSES") ?? throw new InvalidDataException($"{classes}: no LSTMFCN_CLASSES (written by cube-label)")).Split(',');
        var grid = reader.Grid;
        MapLayout.Write(target, temp =>
        {
            using var writer = io.Create(new RasterCreation(temp, grid, 1, RasterDataType.Byte, MapLayout.ClassNoData));
            var row = new float[grid.Width];
            var codes = new byte[grid.Width];
            for (int y = 0; y < grid.Height; y++)
            {
                reader.Read(1, 0, y, grid.Width, 1, row);
                for (int x = 0; x < grid.Width; x++)
                    codes[x] = float.IsNaN(row[x]) || row[x] >= MapLayout.ClassNoData ? MapLayout.ClassNoData : (byte)(row[x] + 1);
                writer.Write(1, 0, y, grid.Width, 1, codes);
            }
            var colours = ClassPalette.For(names);
            writer.SetBandDescription(1, "class");
            writer.SetColorTable(1, new[] { ((byte)0, (byte)0, (byte)0) }.Concat(colours).ToList());
            writer.SetCategoryNames(1, new[] { "" }.Concat(names).ToList());
            writer.SetMetadata("LSTMFCN_CLASSES", string.Join(",", names));
            writer.SetMetadata("LSTMFCN_CLASS_CODES", "1.." + names.Length.ToString(CultureInfo.InvariantCulture));
            writer.BuildOverviews("MODE", MapLayout.OverviewFactors(grid.Width, grid.Height));
        });
        return names;
    }
}
