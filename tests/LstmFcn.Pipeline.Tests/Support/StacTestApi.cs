using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LstmFcn.Pipeline.Tests.Support;

/// <summary>
/// A tiny STAC API on 127.0.0.1: POST /search over a fixed list of items, filtered by collections and a datetime
/// interval, <c>limit</c> items per page, the next page named by a 'next' link (POST, its body with a page token).
/// Counts the searches it answered.
/// </summary>
public sealed class StacTestApi : IDisposable
{
    readonly HttpListener _listener = new();
    readonly IReadOnlyList<JsonObject> _items;
    readonly Task _loop;
    int _searches;

    /// <param name="port">0: a free port.</param>
    public StacTestApi(IReadOnlyList<JsonObject> items, int port = 0)
    {
        _items = items;
        if (port == 0) port = RangeHttpServer.FreePort();
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(Loop);
    }

    public string Url { get; }
    public int Searches => Volatile.Read(ref _searches);

    async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext c;
            try { c = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            _ = Task.Run(() => Serve(c));
        }
    }

    void Serve(HttpListenerContext c)
    {
        try
        {
            if (c.Request.HttpMethod != "POST" || c.Request.Url!.AbsolutePath != "/search")
            {
                Answer(c, 404, new JsonObject { ["code"] = "NotFound" });
                return;
            }
            Interlocked.Increment(ref _searches);
            var body = JsonNode.Parse(new StreamReader(c.Request.InputStream).ReadToEnd())!.AsObject();
            int limit = body["limit"]?.GetValue<int>() ?? 10;
            int token = body["token"]?.GetValue<int>() ?? 0;
            var collections = body["collections"]?.AsArray().Select(x => x!.GetValue<string>()).ToHashSet();
            DateTime? from = null, to = null;
            if (body["datetime"]?.GetValue<string>() is { } interval)
            {
                var parts = interval.Split('/');
                if (parts[0] is not ("" or "..")) from = DateTime.Parse(parts[0]).ToUniversalTime();
                if (parts.Length > 1 && parts[1] is not ("" or "..")) to = DateTime.Parse(parts[1]).ToUniversalTime().AddDays(parts[1].Contains('T') ? 0 : 1);
            }
            var matching = _items.Where(i =>
            {
                if (collections is not null && !collections.Contains(i["collection"]!.GetValue<string>())) return false;
                var when = DateTime.Parse(i["properties"]!["datetime"]!.GetValue<string>()).ToUniversalTime();
                return (from is null || when >= from) && (to is null || when < to);
            }).ToList();
            var page = matching.Skip(token).Take(limit).Select(i => (JsonNode)JsonNode.Parse(i.ToJsonString())!).ToArray();
            var links = new JsonArray();
            if (token + limit < matching.Count)
            {
                var next = JsonNode.Parse(body.ToJsonString())!.AsObject();
                next["token"] = token + limit;
                links.Add(new JsonObject { ["rel"] = "next", ["href"] = Url + "/search", ["method"] = "POST", ["body"] = next });
            }
            Answer(c, 200, new JsonObject
            {
                ["type"] = "FeatureCollection", ["features"] = new JsonArray(page), ["links"] = links,
                ["context"] = new JsonObject { ["matched"] = matching.Count, ["returned"] = page.Length },
            });
        }
        catch (Exception e)
        {
            try { Answer(c, 500, new JsonObject { ["code"] = "ServerError", ["description"] = e.Message }); } catch (Exception) { }
        }
    }

    static void Answer(HttpListenerContext c, int status, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        c.Response.StatusCode = status;
        c.Response.ContentType = "application/geo+json";
        c.Response.ContentLength64 = bytes.Length;
        c.Response.OutputStream.Write(bytes);
        c.Response.Close();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(2000); } catch (Exception) { }
    }
}
