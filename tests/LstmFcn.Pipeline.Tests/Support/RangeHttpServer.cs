using System.Net;
using System.Net.Sockets;

namespace LstmFcn.Pipeline.Tests.Support;

/// <summary>
/// A small HTTP server on 127.0.0.1 (a free port) serving a folder with range requests (GET/HEAD, "Range: bytes=a-b"),
/// as a COG host does, with switches to fail requests: the next N with a status (500, 503 …) or a dropped connection,
/// or every request while <see cref="Down"/>. It counts requests and the bytes it sent.
/// </summary>
public sealed class RangeHttpServer : IDisposable
{
    readonly string _root;
    readonly HttpListener _listener = new();
    readonly Task _loop;
    int _failNext, _failStatus, _downAfter = -1;
    long _requests, _failed, _bytes;

    /// <param name="port">0: a free port.</param>
    public RangeHttpServer(string root, int port = 0)
    {
        _root = Path.GetFullPath(root);
        Port = port > 0 ? port : FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Loop);
    }

    /// <summary>A port nothing listens on now (the OS picks it).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";
    /// <summary>Every request answers 503 while set.</summary>
    public bool Down { get; set; }
    public long Requests => Interlocked.Read(ref _requests);
    public long Failed => Interlocked.Read(ref _failed);
    /// <summary>Body bytes sent (ranges and whole files).</summary>
    public long BytesSent => Interlocked.Read(ref _bytes);

    /// <summary>The next <paramref name="count"/> requests fail with <paramref name="status"/> (0: the connection is dropped).</summary>
    public void FailNext(int count, int status)
    {
        Volatile.Write(ref _failStatus, status);
        Volatile.Write(ref _failNext, count);
    }

    /// <summary>After <paramref name="requests"/> more requests are served, the server goes <see cref="Down"/> (a host lost mid-run).</summary>
    public void GoDownAfter(int requests) => Volatile.Write(ref _downAfter, requests);

    public void ResetCounts()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _failed, 0);
        Interlocked.Exchange(ref _bytes, 0);
    }

    async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            _ = Task.Run(() => Serve(context));
        }
    }

    void Serve(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            Interlocked.Increment(ref _requests);
            if (Volatile.Read(ref _downAfter) >= 0 && Interlocked.Decrement(ref _downAfter) < 0) Down = true;
            if (Down || Interlocked.Decrement(ref _failNext) >= 0)
            {
                Interlocked.Increment(ref _failed);
                int status = Down ? 503 : Volatile.Read(ref _failStatus);
                if (status == 0) { response.Abort(); return; }
                response.StatusCode = status;
                response.Close();
                return;
            }
            var relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
            var path = Path.GetFullPath(Path.Combine(_root, relative));
            if (!path.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(path))
            {
                response.StatusCode = 404;
                response.Close();
                return;
            }
            var bytes = File.ReadAllBytes(path);
            long start = 0, end = bytes.Length - 1;
            response.Headers["Accept-Ranges"] = "bytes";
            var range = context.Request.Headers["Range"];
            if (range is not null && range.StartsWith("bytes=", StringComparison.Ordinal))
            {
                var parts = range[6..].Split('-');
                start = long.Parse(parts[0]);
                if (parts[1].Length > 0) end = Math.Min(long.Parse(parts[1]), bytes.Length - 1);
                if (start >= bytes.Length)
                {
                    response.StatusCode = 416;
                    response.Headers["Content-Range"] = $"bytes */{bytes.Length}";
                    response.Close();
                    return;
                }
                response.StatusCode = 206;
                response.Headers["Content-Range"] = $"bytes {start}-{end}/{bytes.Length}";
            }
            long length = end - start + 1;
            response.ContentLength64 = length;
            if (context.Request.HttpMethod != "HEAD")
            {
                response.OutputStream.Write(bytes, (int)start, (int)length);
                Interlocked.Add(ref _bytes, length);
            }
            response.Close();
        }
        catch (Exception)
        {
            try { response.Abort(); } catch (Exception) { }
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(2000); } catch (Exception) { }
    }
}
