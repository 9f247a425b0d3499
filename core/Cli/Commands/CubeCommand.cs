namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary>
/// <c>lstmfcn cube describe SOURCE</c>: what a cube holds — tiles, bands, dates, CRS, resolution and the missing
/// assets or files — before any pixel is read. <c>lstmfcn cube regularize SOURCE --output DIR --period DAYS</c>
/// (sits_regularize): the cube, masked by its quality band, composited into regular intervals and written as a local
/// folder cube of COGs. SOURCE is a STAC API root, a static catalog / ItemCollection (file or URL), or a folder cube
/// (a local folder, or a URL with <c>--with file_list=…</c>); the cube plugin (cube-points) reads it with its own cube
/// parameters, so <c>--with</c> takes any of them (pattern, scale, stac_tile, http_* …).
/// </summary>
static class CubeCommand
{
    const string Source = "SOURCE [--source folder|stac] [--collections A,B] [--datetime FROM/TO] [--bbox W,S,E,N] [--bands-map KEY=BAND,...] [--limit N] [--with KEY=VALUE]...";
    public const string Usage = $"usage: lstmfcn cube describe {Source}\n       lstmfcn cube regularize {Source} --output DIR --period DAYS " +
                                "[--origin yyyy-MM-dd] [--method first-valid|median|least-cloudy] [--mask-band BAND [--mask-classes 3,8,9,10]] [--prefix REGULAR_CUBE]";

    /// <summary>The options that only a STAC source takes, and the parameter each sets.</summary>
    static readonly (string Option, string Parameter, bool List)[] StacOptions =
    {
        ("--collections", "stac_collections", true), ("--datetime", "stac_datetime", false), ("--bbox", "stac_bbox", false),
        ("--bands-map", "stac_bands_map", true), ("--limit", "stac_limit", false),
    };

    public static int Execute(CommandLine cl)
    {
        if (cl.Positional is not [("describe" or "regularize") and var action, _]) throw new UsageException(Usage);
        var regularisation = action == "regularize" ? Regularisation(cl) : null;
        var catalog = PipelineLoading.Catalog(cl);
        var plugin = catalog.TryGet("cube-points", out var entry) ? entry.Plugin
            : throw new UsageException("no plugin reads cubes here: the raster plugins (cube-points) are not installed");
        var args = CubeStep(cl).Bind(new CubeStepPlugin((ICubeReader)plugin, plugin.Name));
        if (regularisation is null)
        {
            Console.Write(InputException.Guard(() => ((IDescribesCube)plugin).DescribeCube(args)));
            return 0;
        }
        var dates = InputException.Guard(() => ((IRegularisesCube)plugin).RegulariseCube(args, regularisation));
        Console.Error.WriteLine($"{dates.Count} regular date(s) {dates[0]:yyyy-MM-dd} … {dates[^1]:yyyy-MM-dd} every {regularisation.PeriodDays} days " +
                                $"({regularisation.Method}) → {regularisation.OutputFolder}; read it with --with pattern={{satellite}}_{{tile}}_{{band}}_{{date}}");
        Console.WriteLine(regularisation.OutputFolder);
        return 0;
    }

    /// <summary>The cube plugin's step: SOURCE, its kind, the STAC options and --with.</summary>
    static SingleStep CubeStep(CommandLine cl)
    {
        var given = cl.Positional[1];
        var source = IsRemote(given) ? given : Path.GetFullPath(given);
        var kind = cl.Options.GetValueOrDefault("--source") ?? DefaultSource(source, cl.WithArguments);
        if (kind is not ("folder" or "stac")) throw new UsageException($"--source must be folder or stac; found '{kind}'");
        if (kind == "folder" && StacOptions.FirstOrDefault(o => cl.Options.ContainsKey(o.Option)).Option is { } stacOnly)
            throw new UsageException($"{stacOnly} is for STAC sources, and {given} is read as a folder cube; give --source stac if it is a STAC catalog");

        var step = new SingleStep($"lstmfcn cube {cl.Positional[0]}", "loader", "cube-points");
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
        return step;
    }

    static readonly string[] Methods = { "first-valid", "median", "least-cloudy" };

    /// <summary>What <c>cube regularize</c>'s own options ask for, checked before the cube is read.</summary>
    static CubeRegularisation Regularisation(CommandLine cl)
    {
        var output = cl.Options.GetValueOrDefault("--output") ?? throw new UsageException("cube regularize needs --output DIR: the folder of the regular cube");
        var periodText = cl.Options.GetValueOrDefault("--period") ?? throw new UsageException("cube regularize needs --period DAYS, e.g. --period 16");
        if (!int.TryParse(periodText, out var period) || period < 1) throw new UsageException($"--period {periodText}: expected a whole number of days ≥ 1");
        var origin = cl.Options.GetValueOrDefault("--origin");
        if (origin is not null && !DateOnly.TryParseExact(origin, "yyyy-MM-dd", out _)) throw new UsageException($"--origin {origin}: expected a date yyyy-MM-dd");
        var method = cl.Options.GetValueOrDefault("--method") ?? "first-valid";
        if (!Methods.Contains(method)) throw new UsageException($"--method {method}: expected {string.Join(", ", Methods)}");
        var maskBand = cl.Options.GetValueOrDefault("--mask-band");
        var classesText = cl.Options.GetValueOrDefault("--mask-classes");
        if (classesText is not null && maskBand is null) throw new UsageException("--mask-classes needs --mask-band: the band whose classes they are");
        var classes = new List<int>();
        foreach (var part in (classesText ?? "3,8,9,10").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            classes.Add(int.TryParse(part, out var c) ? c : throw new UsageException($"--mask-classes {classesText}: '{part}' is not a whole number"));
        var prefix = cl.Options.GetValueOrDefault("--prefix") ?? "REGULAR_CUBE";
        if (prefix.Length == 0 || prefix.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0) throw new UsageException($"--prefix '{prefix}': not usable in a file name");
        return new CubeRegularisation(period, origin, method, maskBand, classes, Path.GetFullPath(output), prefix);
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
    public static bool IsRemote(string path) => Engine.Pipelines.PathValues.IsRemote(path);

    /// <summary>The cube plugin seen through its cube parameters only, so the step binds (and is checked) like any step.</summary>
    sealed class CubeStepPlugin(ICubeReader reader, string name) : IPlugin, IChecksArguments
    {
        public string Name => name;
        public string Description => "a cube";
        public IReadOnlyList<ParameterSpec> Parameters => reader.CubeParameterSpecs;
        public IEnumerable<OptionProblem> Check(PluginArguments arguments) => reader.CheckCube(arguments);
    }
}
