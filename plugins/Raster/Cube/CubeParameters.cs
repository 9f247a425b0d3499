using System.Text.RegularExpressions;
using LstmFcn.Pipeline;
using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Cube;

/// <summary>The parameters that describe a cube, declared once and shared by every cube plugin.</summary>
public static class CubeParameters
{
    public static IEnumerable<ParameterSpec> Specs() => new[]
    {
        ParameterSpec.RequiredPath("cube", "folder holding the cube's GeoTIFFs (one file per band per date); or its URL (http(s)://, s3://, /vsi…) with file_list"),
        ParameterSpec.Text("pattern", "{satellite}_{sensor}_{tile}_{band}_{date}",
            "file-name fields, as sits' parse_info: {band} and {date} are required, other names are kept as information; one delimiter between fields"),
        ParameterSpec.Text("date_format", "yyyy-MM-dd", "format of the {date} field (.NET custom date format, e.g. yyyyMMdd)"),
        ParameterSpec.Text("extension", ".tif", "extension of the cube's files (.tif also matches .tiff)"),
        ParameterSpec.OptionalPath("file_list", "a text file listing the cube's files (one per line: URLs, or names relative to the list — to the cube's URL for a remote cube) instead of every file in the folder"),
        new ParameterSpec("bands", ParameterType.StringList, "bands to use, in channel order; empty = all bands found, in name order") { Default = new List<string>() },
        ParameterSpec.Number("scale", 1.0, "physical value = stored value × scale + offset (MODIS NDVI: 0.0001)"),
        ParameterSpec.Number("offset", 0.0, "added after scaling"),
        ParameterSpec.Choice("source", "folder", "what 'cube' names: a folder (or URL with file_list) of GeoTIFFs, or a STAC API / static catalog (stac)", "folder", "stac"),
    }.Concat(RemoteCubeParameters.Specs()).Concat(Stac.StacCubeParameters.Specs());

    public static RasterCube Open(PluginArguments args, IRasterFiles io, string plugin)
    {
        if (args.GetString("source") == "stac") return Stac.StacCubeParameters.Open(args, io, plugin);
        var folder = args.GetString("cube");
        var naming = Naming(args.GetString("pattern"), args.GetString("date_format"), plugin);
        bool remote = Gdal.GdalPaths.IsRemote(folder);
        List<string> files;
        if (args.GetOptionalString("file_list") is { } list)
        {
            if (!File.Exists(list)) throw new FileNotFoundException($"{list}: cube file list not found ({plugin}.file_list; it must be a local file)", list);
            var baseDir = Path.GetDirectoryName(Path.GetFullPath(list))!;
            files = File.ReadAllLines(list).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(l => Gdal.GdalPaths.IsRemote(l) ? l : remote ? Gdal.GdalPaths.Join(folder, l) : Path.GetFullPath(Path.Combine(baseDir, l))).ToList();
            foreach (var f in files)
                if (!Gdal.GdalPaths.IsRemote(f) && !File.Exists(f)) throw new FileNotFoundException($"{f}: listed in {list} but not found", f);
            if (files.Any(Gdal.GdalPaths.IsRemote)) RemoteCubeParameters.Settings(args).Apply();
        }
        else if (remote)
            throw new ArgumentException($"{folder}: a remote cube cannot be listed; give {plugin}.file_list (a local text file naming its files, relative to the cube's URL)");
        else
        {
            if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: cube folder not found ({plugin}.cube)");
            var ext = args.GetString("extension");
            files = Directory.GetFiles(folder)
                .Where(f => f.EndsWith(ext, StringComparison.OrdinalIgnoreCase) ||
                            (ext.Equals(".tif", StringComparison.OrdinalIgnoreCase) && f.EndsWith(".tiff", StringComparison.OrdinalIgnoreCase)))
                .OrderBy(f => f, StringComparer.Ordinal).ToList();
        }
        return RasterCube.Open(io, files, naming, args.GetStringList("bands"), args.GetDouble("scale"), args.GetDouble("offset"), $"{folder} ({plugin})");
    }

    static readonly Regex Field = new(@"\{([A-Za-z0-9]+)\}", RegexOptions.Compiled);

    /// <summary>"{X1}_{tile}_{band}_{date}" → fields [X1, tile, band, date], delimiter "_".</summary>
    public static CubeFileName Naming(string pattern, string dateFormat, string plugin)
    {
        var matches = Field.Matches(pattern);
        if (matches.Count < 2)
            throw new ArgumentException($"{plugin}.pattern '{pattern}': expected fields in braces separated by one delimiter, e.g. {{satellite}}_{{tile}}_{{band}}_{{date}}");
        var delimiters = new HashSet<string>();
        for (int i = 1; i < matches.Count; i++)
            delimiters.Add(pattern.Substring(matches[i - 1].Index + matches[i - 1].Length, matches[i].Index - matches[i - 1].Index - matches[i - 1].Length));
        if (delimiters.Count != 1 || delimiters.First().Length == 0 || matches[0].Index != 0 ||
            matches[^1].Index + matches[^1].Length != pattern.Length)
            throw new ArgumentException($"{plugin}.pattern '{pattern}': fields must be separated by one and the same delimiter, with nothing before or after");
        try
        {
            return new CubeFileName(matches.Select(m => m.Groups[1].Value).ToList(), delimiters.First(), dateFormat);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{plugin}.pattern: {e.Message}");
        }
    }
}
