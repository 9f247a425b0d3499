using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Raster.Cube;

/// <summary>The parameters that describe a cube, declared once: every cube plugin's options derive from this record.</summary>
public record CubeOptions : PluginOptions
{
    [Parameter("folder holding the cube's GeoTIFFs (one file per band per date)", Required = true, Path = PathKind.Any)]
    public string Cube { get; init; } = "";

    [Parameter("file-name fields, as sits' parse_info: {band} and {date} are required, other names are kept as information; one delimiter between fields")]
    public string Pattern { get; init; } = "{satellite}_{sensor}_{tile}_{band}_{date}";

    [Parameter("format of the {date} field (.NET custom date format, e.g. yyyyMMdd)")]
    public string DateFormat { get; init; } = "yyyy-MM-dd";

    [Parameter("extension of the cube's files (.tif also matches .tiff)")]
    public string Extension { get; init; } = ".tif";

    [Parameter("a text file listing the cube's files (one per line, relative to the list) instead of every file in the folder", Path = PathKind.ExistingFile)]
    public string? FileList { get; init; }

    [Parameter("bands to use, in channel order; empty = all bands found, in name order (classify: the model's bands)")]
    public IReadOnlyList<string> Bands { get; init; } = [];

    [Parameter("physical value = stored value × scale + offset (MODIS NDVI: 0.0001)", Min = -1e12, Max = 1e12)]
    public double Scale { get; init; } = 1.0;

    [Parameter("added after scaling", Min = -1e12, Max = 1e12)]
    public double Offset { get; init; }

    public override IEnumerable<OptionProblem> Validate()
    {
        string? problem = null;
        try { CubeParameters.Naming(Pattern, DateFormat, Step); }
        catch (ArgumentException e) { problem = e.Message; }
        if (problem is not null) yield return new("pattern", problem);
        if (Scale == 0) yield return new("scale", "scale 0 would turn every value into the offset; give the factor the cube's values were stored with");
    }
}
