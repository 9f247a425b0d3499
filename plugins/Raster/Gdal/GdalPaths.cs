namespace LstmFcn.Plugins.Raster.Gdal;

/// <summary>
/// Where GDAL finds a raster: http(s):// URLs through /vsicurl/ (HTTP range requests, so only the blocks read are
/// fetched), s3:// through /vsis3/, gs:// through /vsigs/, az:// through /vsiaz/, GDAL virtual paths (/vsi…) as they
/// are, anything else as a local file.
/// </summary>
public static class GdalPaths
{
    public static bool IsRemote(string path) =>
        path.StartsWith("/vsi", StringComparison.Ordinal) || path.Contains("://", StringComparison.Ordinal);

    public static string ToGdal(string path)
    {
        if (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return "/vsicurl/" + path;
        foreach (var (scheme, vsi) in new[] { ("s3://", "/vsis3/"), ("gs://", "/vsigs/"), ("az://", "/vsiaz/") })
            if (path.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return vsi + path[scheme.Length..];
        if (path.Contains("://", StringComparison.Ordinal) && !path.StartsWith("/vsi", StringComparison.Ordinal))
            throw new ArgumentException($"{path}: unsupported URL scheme; use http(s)://, s3://, gs://, az:// or a GDAL virtual path (/vsicurl/…)");
        return path;
    }

    /// <summary>A file of a remote folder: <paramref name="name"/> appended to <paramref name="folder"/> with one '/'.</summary>
    public static string Join(string folder, string name) => folder.TrimEnd('/') + "/" + name.TrimStart('/');
}
