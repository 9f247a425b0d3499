using System.Net.Http;

namespace LstmFcn.Plugins.Raster.Gdal;

/// <summary>
/// Retries a GDAL call on a remote file with exponential backoff. The plugin retries rather than GDAL because the
/// GDAL of Debian 12 (3.6) retries HTTP 429/5xx answers but not a dropped connection, and /vsicurl/ remembers a failed
/// open: its cache for the file is cleared before each retry. When every try fails, the error names the URL and what
/// the server answers to a plain request (a status, or why it could not be reached).
/// </summary>
public sealed record RemoteRetry(int MaxRetry, double FirstDelaySeconds)
{
    static RemoteRetry _current = new(new GdalHttpSettings().MaxRetry, new GdalHttpSettings().RetryDelaySeconds);

    /// <summary>The retry policy of the last applied <see cref="GdalHttpSettings"/>.</summary>
    public static RemoteRetry Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }

    public T Run<T>(string url, string gdalPath, string action, Func<(bool Ok, T Value)> call)
    {
        double delay = FirstDelaySeconds;
        for (int attempt = 0; ; attempt++)
        {
            var (ok, value) = call();
            if (ok) return value;
            if (attempt >= MaxRetry)
            {
                var detail = GdalNative.LastError();
                GdalNative.CPLErrorReset();
                throw new IOException($"{url}: {action} failed after {attempt + 1} tries: {Probe(url)}" +
                                      (detail.Length > 0 ? $" (GDAL: {detail})" : ""));
            }
            GdalNative.VSICurlPartialClearCache(gdalPath);
            Thread.Sleep(TimeSpan.FromSeconds(delay));
            delay *= 2;
        }
    }

    /// <summary>What the server says to one plain request, for the error message (http(s) only).</summary>
    static string Probe(string url)
    {
        if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return "the file could not be read";
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var request = new HttpRequestMessage(HttpMethod.Head, url);
            using var response = client.Send(request);
            return response.IsSuccessStatusCode
                ? $"the server answers {(int)response.StatusCode} now, but GDAL could not read the file"
                : $"the server answers HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return $"the server cannot be reached ({e.Message})";
        }
    }
}
