using LstmFcn.Plugins.Raster.Gdal;

namespace LstmFcn.Plugins.Raster.Cube;

/// <summary>The HTTP settings of a remote cube (declared in <see cref="CubeOptions"/>) as GDAL takes them (see <see cref="GdalHttpSettings"/>).</summary>
public static class RemoteCubeParameters
{
    public static readonly GdalHttpSettings Defaults = new();

    public static GdalHttpSettings Settings(CubeOptions options) => new()
    {
        MaxRetry = options.HttpMaxRetry,
        RetryDelaySeconds = options.HttpRetryDelay,
        TimeoutSeconds = options.HttpTimeout,
        Headers = options.HttpHeaders,
        Cache = options.HttpCache,
        AllowedExtensions = options.HttpExtensions,
    };
}
