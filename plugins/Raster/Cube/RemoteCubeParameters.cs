using LstmFcn.Pipeline;
using LstmFcn.Plugins.Raster.Gdal;

namespace LstmFcn.Plugins.Raster.Cube;

/// <summary>The HTTP settings of a remote cube, declared once for every cube plugin (see <see cref="GdalHttpSettings"/>).</summary>
public static class RemoteCubeParameters
{
    static readonly GdalHttpSettings Defaults = new();

    public static IEnumerable<ParameterSpec> Specs() => new[]
    {
        ParameterSpec.Int("http_max_retry", Defaults.MaxRetry, "remote cube: retries of a failed open or read (HTTP 429/5xx, dropped connection), as GDAL_HTTP_MAX_RETRY", min: 0, max: 100),
        ParameterSpec.Number("http_retry_delay", Defaults.RetryDelaySeconds, "remote cube: seconds before the first retry, doubling at each, as GDAL_HTTP_RETRY_DELAY", min: 0, max: 600),
        ParameterSpec.Int("http_timeout", Defaults.TimeoutSeconds, "remote cube: seconds before a request times out; GDAL_HTTP_TIMEOUT", min: 1, max: 3600),
        new ParameterSpec("http_headers", ParameterType.StringList, "remote cube: extra HTTP headers ('Name: value'); GDAL_HTTP_HEADERS") { Default = new List<string>() },
        ParameterSpec.Bool("http_cache", Defaults.Cache, "remote cube: keep read ranges in memory; VSI_CACHE"),
        ParameterSpec.Text("http_extensions", Defaults.AllowedExtensions, "remote cube: extensions GDAL may fetch; CPL_VSIL_CURL_ALLOWED_EXTENSIONS"),
    };

    public static GdalHttpSettings Settings(PluginArguments args) => new()
    {
        MaxRetry = args.GetInt("http_max_retry"),
        RetryDelaySeconds = args.GetDouble("http_retry_delay"),
        TimeoutSeconds = args.GetInt("http_timeout"),
        Headers = args.GetStringList("http_headers"),
        Cache = args.GetBool("http_cache"),
        AllowedExtensions = args.GetString("http_extensions"),
    };
}
