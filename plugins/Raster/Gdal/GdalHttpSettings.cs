using System.Globalization;

namespace LstmFcn.Plugins.Raster.Gdal;

/// <summary>
/// GDAL's HTTP settings for remote rasters (config options of its /vsicurl/ layer), set process-wide before remote
/// files are opened. A failed open or read is tried again up to <see cref="MaxRetry"/> times, the delay doubling from
/// <see cref="RetryDelaySeconds"/> (<see cref="RemoteRetry"/>; GDAL's own GDAL_HTTP_MAX_RETRY is set to 0 so the
/// tries do not multiply).
/// </summary>
public sealed record GdalHttpSettings
{
    /// <summary>Tries after the first failure of an open or read (what GDAL_HTTP_MAX_RETRY is to GDAL).</summary>
    public int MaxRetry { get; init; } = 5;
    /// <summary>Seconds before the first retry, doubling at each (GDAL_HTTP_RETRY_DELAY).</summary>
    public double RetryDelaySeconds { get; init; } = 1;
    /// <summary>GDAL_HTTP_TIMEOUT and GDAL_HTTP_CONNECTTIMEOUT: seconds.</summary>
    public int TimeoutSeconds { get; init; } = 60;
    /// <summary>GDAL_HTTP_HEADERS: extra request headers ("Name: value"), e.g. an authorisation token.</summary>
    public IReadOnlyList<string> Headers { get; init; } = [];
    /// <summary>VSI_CACHE: keep recently read ranges in memory (GDAL re-reads a file's header and tiles otherwise).</summary>
    public bool Cache { get; init; } = true;
    /// <summary>CPL_VSIL_CURL_ALLOWED_EXTENSIONS: only these files are fetched (no probing for sidecars).</summary>
    public string AllowedExtensions { get; init; } = ".tif,.tiff,.TIF,.TIFF";

    static readonly object Lock = new();

    /// <summary>Sets the options (GDAL_DISABLE_READDIR_ON_OPEN=EMPTY_DIR too: no directory listing per file opened).</summary>
    public void Apply()
    {
        lock (Lock)
        {
            Set("GDAL_HTTP_MAX_RETRY", "0");
            RemoteRetry.Current = new RemoteRetry(MaxRetry, RetryDelaySeconds);
            Set("GDAL_HTTP_TIMEOUT", TimeoutSeconds.ToString(CultureInfo.InvariantCulture));
            Set("GDAL_HTTP_CONNECTTIMEOUT", TimeoutSeconds.ToString(CultureInfo.InvariantCulture));
            Set("GDAL_HTTP_HEADERS", Headers.Count > 0 ? string.Join("\r\n", Headers) : null);
            Set("VSI_CACHE", Cache ? "TRUE" : "FALSE");
            Set("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", AllowedExtensions);
            Set("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR");
        }
    }

    static void Set(string key, string? value)
    {
        GdalRasterFiles.EnsureInitialised();
        GdalNative.CPLSetConfigOption(key, value);
    }
}
