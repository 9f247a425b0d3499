using System.Text.RegularExpressions;
using LstmFcn.Pipeline;
using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Cube;

/// <summary>Opens the cube a <see cref="CubeOptions"/> record describes; parses its file-name pattern.</summary>
public static class CubeParameters
{
    /// <summary>Opens the cube the options describe (<paramref name="bands"/>, when given, instead of theirs).</summary>
    public static RasterCube Open(CubeOptions options, IRasterFiles io, string plugin, IReadOnlyList<string>? bands = null)
    {
        if (options.Source == CubeSource.Stac) return Stac.StacCubeParameters.Open(options, io, plugin, bands);
        var naming = Naming(options.Pattern, options.DateFormat, plugin);
        var files = Files(options, plugin);
        return RasterCube.Open(io, files, naming, bands ?? options.Bands, options.Scale, options.Offset, $"{options.Cube} ({plugin})", options.BandNames);
    }

    /// <summary>
    /// The files of a folder cube: its file list (remote names joined to the cube's URL, HTTP settings applied), or
    /// the folder's rasters of the cube's extension, in name order. No file is opened.
    /// </summary>
    public static List<string> Files(CubeOptions options, string plugin)
    {
        var folder = options.Cube;
        bool remote = Gdal.GdalPaths.IsRemote(folder);
        List<string> files;
        if (options.FileList is { } list)
        {
            if (!File.Exists(list)) throw new FileNotFoundException($"{list}: cube file list not found ({plugin}.file_list; it must be a local file)", list);
            var baseDir = Path.GetDirectoryName(Path.GetFullPath(list))!;
            files = File.ReadAllLines(list).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(l => Gdal.GdalPaths.IsRemote(l) ? l : remote ? Gdal.GdalPaths.Join(folder, l) : Path.GetFullPath(Path.Combine(baseDir, l))).ToList();
            foreach (var f in files)
                if (!Gdal.GdalPaths.IsRemote(f) && !File.Exists(f)) throw new FileNotFoundException($"{f}: listed in {list} but not found", f);
            if (files.Any(Gdal.GdalPaths.IsRemote)) RemoteCubeParameters.Settings(options).Apply();
        }
        else if (remote)
            throw new ArgumentException($"{folder}: a remote cube cannot be listed; give {plugin}.file_list (a local text file naming its files, relative to the cube's URL)");
        else
        {
            if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: cube folder not found ({plugin}.cube)");
            var ext = options.Extension;
            files = Directory.GetFiles(folder)
                .Where(f => f.EndsWith(ext, StringComparison.OrdinalIgnoreCase) ||
                            (ext.Equals(".tif", StringComparison.OrdinalIgnoreCase) && f.EndsWith(".tiff", StringComparison.OrdinalIgnoreCase)))
                .OrderBy(f => f, StringComparer.Ordinal).ToList();
        }
        return files;
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
