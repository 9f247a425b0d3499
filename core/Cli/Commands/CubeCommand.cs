using LstmFcn.Pipeline.Engine.Plugins;

namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary>
/// <c>lstmfcn cube describe SOURCE</c>: what a cube holds — tiles, bands, dates, CRS, resolution and the missing
/// assets or files — before any pixel is read. SOURCE is a STAC API root, a static catalog / ItemCollection (file or
/// URL), or a folder cube (a local folder, or a URL with <c>--with file_list=…</c>); the cube plugin (cube-points)
/// reads it with its own cube parameters, so <c>--with</c> takes any of them (pattern, http_* …).
/// </summary>
static class CubeCommand
{
    public const string Usage = "usage: lstmfcn cube describe SOURCE [--source folder|stac] [--collections A,B] [--datetime FROM/TO] [--bbox W,S,E,N] " +
                                "[--bands-map KEY=BAND,...] [--limit N] [--with KEY=VALUE]...   (KEY: a cube parameter of cube-points)";

    /// <summary>The options that only a STAC source takes, and the parameter each sets.</summary>
    static readonly (string Option, string Parameter, bool List)[] StacOptions =
    {
        ("--collections", "stac_collections", true), ("--datetime", "stac_datetime", false), ("--bbox", "stac_bbox", false),
        ("--bands-map", "stac_bands_map", true), ("--limit", "stac_limit", false),
    };

    public static int Execute(CommandLine cl)
    {
        if (cl.Positional is not ["describe", var given]) throw new UsageException(Usage);
        var source = IsRemote(given) ? given : Path.GetFullPath(given);
        var kind = cl.Options.GetValueOrDefault("--source") ?? DefaultSource(source, cl.WithArguments);
        if (kind is not ("folder" or "stac")) throw new UsageException($"--source must be folder or stac; found '{kind}'");
        if (kind == "folder" && StacOptions.FirstOrDefault(o => cl.Options.ContainsKey(o.Option)).Option is { } stacOnly)
            throw new UsageException($"{stacOnly} is for STAC sources, and {given} is read as a folder cube; give --source stac if it is a STAC catalog");

        var step = new SingleStep("lstmfcn cube describe", "loader", "cube-points");
        step.SetText("cube", source, $"SOURCE {given}");
        step.Set("source", kind, $"--source {kind}");
        foreach (var (option, parameter, list) in StacOptions)
            if (cl.Options.TryGetValue(option, out var value))
            {
                if (list) step.SetList(parameter, value, $"{option} {value}");
                else if (option == "--limit") step.Set(parameter, value, $"{option} {value}");
                else step.SetText(parameter, value, $"{option} {value}");
            }
        step.With(cl.WithArguments);

        var catalog = PipelineLoading.Catalog(cl);
        var describer = DescriberIn(catalog);
        var args = step.Bind(new DescribeStep(describer.Describer, describer.Name));
        Console.Write(InputException.Guard(() => describer.Describer.DescribeCube(args)));
        return 0;
    }

    /// <summary>
    /// A URL is a STAC API or catalog unless its file list is given; a local file is a catalog, anything else local a
    /// folder (so a mistyped folder is reported as a missing folder).
    /// </summary>
    static string DefaultSource(string source, IEnumerable<string> with)
    {
        if (with.Any(w => w.StartsWith("file_list=", StringComparison.Ordinal))) return "folder";
        if (IsRemote(source)) return "stac";
        return File.Exists(source) || source.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "stac" : "folder";
    }

    /// <summary>URLs and GDAL virtual paths stay as they are; only local paths are made absolute.</summary>
    public static bool IsRemote(string path) => path.Contains("://", StringComparison.Ordinal) || path.StartsWith("/vsi", StringComparison.Ordinal);

    static (IDescribesCube Describer, string Name) DescriberIn(PluginCatalog catalog) =>
        catalog.TryGet("cube-points", out var entry) && entry.Plugin is IDescribesCube describer
            ? (describer, entry.Name)
            : throw new UsageException("no plugin describes cubes here: the raster plugins (cube-points) are not installed");

    /// <summary>The cube plugin seen through its cube parameters only, so the step binds (and is checked) like any step.</summary>
    sealed class DescribeStep(IDescribesCube describer, string name) : IPlugin, IChecksArguments
    {
        public string Name => name;
        public string Description => "what a cube holds";
        public IReadOnlyList<ParameterSpec> Parameters => describer.CubeParameterSpecs;
        public IEnumerable<OptionProblem> Check(PluginArguments arguments) => describer.CheckCube(arguments);
    }
}
