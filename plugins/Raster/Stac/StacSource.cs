using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LstmFcn.Plugins.Raster.Stac;

/// <summary>
/// Finds STAC items: a STAC API's POST /search (collections, bbox, datetime, limit; following 'next' links, GET or POST
/// with their body), or a static file or URL — an ItemCollection, an Item, or a Catalog/Collection whose 'item' and
/// 'child' links are followed.
/// </summary>
public sealed class StacSource : IDisposable
{
    readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Pages fetched by the last call (for logs and specs).</summary>
    public int Pages { get; private set; }

    public static bool IsStatic(string source) =>
        source.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || source.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase);

    public List<StacItem> Find(string source, StacQuery query) =>
        IsStatic(source) ? Static(source, query) : Search(source, query);

    public List<StacItem> Search(string api, StacQuery query)
    {
        var url = api.TrimEnd('/') + "/search";
        var body = new JsonObject { ["limit"] = query.Limit };
        if (query.Collections.Count > 0) body["collections"] = new JsonArray(query.Collections.Select(c => (JsonNode)c!).ToArray());
        if (query.Bbox.Count > 0) body["bbox"] = new JsonArray(query.Bbox.Select(v => (JsonNode)v!).ToArray());
        if (query.Datetime is { Length: > 0 } dt) body["datetime"] = dt;
        var items = new List<StacItem>();
        Pages = 0;
        string method = "POST";
        JsonNode? payload = body;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            if (!seen.Add(method + " " + url + " " + payload?.ToJsonString())) throw new InvalidDataException($"{url}: the 'next' link repeats a page already read");
            using var doc = JsonDocument.Parse(Fetch(url, method, payload));
            Pages++;
            items.AddRange(StacJson.Items(doc.RootElement, url));
            if (items.Count >= query.MaxItems) return items.Take(query.MaxItems).ToList();
            var next = Link(doc.RootElement, "next");
            if (next is null) return items;
            var nextMethod = next.Value.TryGetProperty("method", out var m) ? m.GetString() ?? "GET" : "GET";
            JsonNode? nextBody = null;
            if (nextMethod == "POST")
            {
                nextBody = next.Value.TryGetProperty("body", out var b) ? JsonNode.Parse(b.GetRawText()) : payload;
                // 'merge': the link's body only holds what changes.
                if (next.Value.TryGetProperty("merge", out var merge) && merge.ValueKind == JsonValueKind.True && payload is JsonObject old && nextBody is JsonObject changes)
                {
                    var merged = JsonNode.Parse(old.ToJsonString())!.AsObject();
                    foreach (var (k, v) in changes) merged[k] = v?.DeepClone();
                    nextBody = merged;
                }
            }
            url = StacJson.Resolve(url, next.Value.GetProperty("href").GetString()!);
            method = nextMethod;
            payload = nextBody;
        }
    }

    List<StacItem> Static(string location, StacQuery query)
    {
        var items = new List<StacItem>();
        Pages = 0;
        Walk(location, items, new HashSet<string>(StringComparer.Ordinal));
        var days = query.Datetime is { Length: > 0 } dt ? DayInterval(dt, location) : (DateOnly.MinValue, DateOnly.MaxValue);
        return items.Where(i => query.Collections.Count == 0 || query.Collections.Contains(i.Collection) || i.Collection.Length == 0)
            .Where(i => i.Date >= days.Item1 && i.Date <= days.Item2)
            .Take(query.MaxItems).ToList();
    }

    /// <summary>
    /// A search datetime ("A", "A/B", "../B", "A/..") as the days it covers, for static sources, which have no server
    /// to filter: items are dated by day, so a bound's time of day is dropped and both ends are kept.
    /// </summary>
    static (DateOnly From, DateOnly To) DayInterval(string datetime, string location)
    {
        var parts = datetime.Split('/');
        if (parts.Length > 2) throw new ArgumentException($"{location}: datetime '{datetime}' is not an RFC 3339 date-time or interval A/B");
        DateOnly Day(string text, DateOnly open)
        {
            if (text is "" or "..") return open;
            if (text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var day)) return day;
            throw new ArgumentException($"{location}: datetime '{datetime}': '{text}' is not an RFC 3339 date-time");
        }
        var from = Day(parts[0], DateOnly.MinValue);
        return (from, parts.Length == 1 ? from : Day(parts[1], DateOnly.MaxValue));
    }

    void Walk(string location, List<StacItem> items, HashSet<string> visited)
    {
        if (!visited.Add(location)) return;
        using var doc = JsonDocument.Parse(Fetch(location, "GET", null));
        Pages++;
        var root = doc.RootElement;
        var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type is "Catalog" or "Collection")
        {
            if (root.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Array)
                foreach (var l in links.EnumerateArray())
                {
                    var rel = l.TryGetProperty("rel", out var r) ? r.GetString() : null;
                    if (rel is "item" or "child" && l.TryGetProperty("href", out var h) && h.GetString() is { } href)
                        Walk(StacJson.Resolve(location, href), items, visited);
                }
            return;
        }
        items.AddRange(StacJson.Items(root, location));
    }

    static JsonElement? Link(JsonElement root, string rel)
    {
        if (!root.TryGetProperty("links", out var links) || links.ValueKind != JsonValueKind.Array) return null;
        foreach (var l in links.EnumerateArray())
            if (l.TryGetProperty("rel", out var r) && r.GetString() == rel && l.TryGetProperty("href", out _)) return l.Clone();
        return null;
    }

    string Fetch(string location, string method, JsonNode? body)
    {
        if (!location.Contains("://", StringComparison.Ordinal))
        {
            if (!File.Exists(location)) throw new FileNotFoundException($"{location}: STAC file not found", location);
            return File.ReadAllText(location);
        }
        using var request = new HttpRequestMessage(method == "POST" ? HttpMethod.Post : HttpMethod.Get, location);
        if (method == "POST") request.Content = new StringContent(body?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
        try
        {
            using var response = _http.Send(request);
            var text = new StreamReader(response.Content.ReadAsStream()).ReadToEnd();
            if (!response.IsSuccessStatusCode)
                throw new IOException($"{method} {location}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {(text.Length > 300 ? text[..300] : text)}");
            return text;
        }
        catch (HttpRequestException e)
        {
            throw new IOException($"{method} {location}: the STAC server cannot be reached ({e.Message})", e);
        }
    }

    public void Dispose() => _http.Dispose();
}
