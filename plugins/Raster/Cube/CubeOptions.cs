using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Raster.Cube;

/// <summary>The parameters that describe a cube, declared once: every cube plugin's options derive from this record.</summary>
public record CubeOptions : PluginOptions
{
    [Parameter("folder holding the cube's GeoTIFFs (one file per band per date); or its URL (http(s)://, s3://, /vsi…) with file_list; or, with source: stac, a STAC API root or static catalog", Required = true, Path = PathKind.Any)]
    public string Cube { get; init; } = "";

    [Parameter("what 'cube' names: a folder (or URL with file_list) of GeoTIFFs, or a STAC API / static catalog (stac)")]
    public CubeSource Source { get; init; } = CubeSource.Folder;

    [Parameter("file-name fields, as sits' parse_info: {date} is required, {band} too unless each file holds every band of its date (then band_names or the files' band descriptions name them); other names are kept as information; one delimiter between fields")]
    public string Pattern { get; init; } = "{satellite}_{sensor}_{tile}_{band}_{date}";

    [Parameter("format of the {date} field (.NET custom date format, e.g. yyyyMMdd)")]
    public string DateFormat { get; init; } = "yyyy-MM-dd";

    [Parameter("extension of the cube's files (.tif also matches .tiff)")]
    public string Extension { get; init; } = ".tif";

    [Parameter("a text file listing the cube's files (one per line: URLs, or names relative to the list — to the cube's URL for a remote cube) instead of every file in the folder", Path = PathKind.ExistingFile)]
    public string? FileList { get; init; }

    [Parameter("multi-band files (a pattern without {band}): the names of the bands in each file, in band order; empty = the files' band descriptions")]
    public IReadOnlyList<string> BandNames { get; init; } = [];

    [Parameter("bands to use, in channel order; empty = all bands found, in name order (classify: the model's bands)")]
    public IReadOnlyList<string> Bands { get; init; } = [];

    [Parameter("physical value = stored value × scale + offset (MODIS NDVI: 0.0001)", Min = -1e12, Max = 1e12)]
    public double Scale { get; init; } = 1.0;

    [Parameter("added after scaling", Min = -1e12, Max = 1e12)]
    public double Offset { get; init; }

    [Parameter("remote cube: retries of a failed open or read (HTTP 429/5xx, dropped connection), as GDAL_HTTP_MAX_RETRY", Min = 0, Max = 100)]
    public int HttpMaxRetry { get; init; } = RemoteCubeParameters.Defaults.MaxRetry;

    [Parameter("remote cube: seconds before the first retry, doubling at each, as GDAL_HTTP_RETRY_DELAY", Min = 0, Max = 600)]
    public double HttpRetryDelay { get; init; } = RemoteCubeParameters.Defaults.RetryDelaySeconds;

    [Parameter("remote cube: seconds before a request times out; GDAL_HTTP_TIMEOUT", Min = 1, Max = 3600)]
    public int HttpTimeout { get; init; } = RemoteCubeParameters.Defaults.TimeoutSeconds;

    [Parameter("remote cube: extra HTTP headers ('Name: value'); GDAL_HTTP_HEADERS")]
    public IReadOnlyList<string> HttpHeaders { get; init; } = [];

    [Parameter("remote cube: keep read ranges in memory; VSI_CACHE")]
    public bool HttpCache { get; init; } = RemoteCubeParameters.Defaults.Cache;

    [Parameter("remote cube: extensions GDAL may fetch; CPL_VSIL_CURL_ALLOWED_EXTENSIONS")]
    public string HttpExtensions { get; init; } = RemoteCubeParameters.Defaults.AllowedExtensions;

    [Parameter("source stac: collections to search")]
    public IReadOnlyList<string> StacCollections { get; init; } = [];

    [Parameter("source stac: 'minlon,minlat,maxlon,maxlat' to search in (empty: anywhere)")]
    public string StacBbox { get; init; } = "";

    [Parameter("source stac: RFC 3339 date-time or interval to search, e.g. 2013-09-01/2014-08-31")]
    public string StacDatetime { get; init; } = "";

    [Parameter("source stac: items per page of the search (the API pages with 'next' links)", Min = 1, Max = 10_000)]
    public int StacLimit { get; init; } = 100;

    [Parameter("source stac: the tile to read (s2:mgrs_tile, grid:code, tile); empty when the source has one")]
    public string StacTile { get; init; } = "";

    [Parameter("source stac: asset key → band name pairs 'KEY=BAND' over the defaults (B04=RED, nir=NIR, SCL=CLOUD …)")]
    public IReadOnlyList<string> StacBandsMap { get; init; } = [];

    public override IEnumerable<OptionProblem> Validate()
    {
        string? problem = null;
        try { CubeParameters.Naming(Pattern, DateFormat, Step); }
        catch (ArgumentException e) { problem = e.Message; }
        if (problem is not null) yield return new("pattern", problem);
        else if (BandNames.Count > 0 && Pattern.Contains("{band}"))
            yield return new("band_names", "band_names names the bands inside multi-band files; this pattern takes the band from the file name ({band}): drop one of the two");
        if (BandNames.Distinct(StringComparer.Ordinal).Count() != BandNames.Count)
            yield return new("band_names", $"[{string.Join(", ", BandNames)}] names a band twice");
        if (Scale == 0) yield return new("scale", "scale 0 would turn every value into the offset; give the factor the cube's values were stored with");
    }
}
