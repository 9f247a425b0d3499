using LstmFcn.Pipeline.Tests.Support;

// Serves the Sinop cube as a STAC source on 127.0.0.1 until Ctrl+C or SIGTERM: the tiles' COGs on --files-port and a
// STAC API (POST /search, paged by 'next' links) on --port, whose items point at those files.
// Usage: StacTestServer [--cube DIR] [--tiles DIR] [--port 8791] [--files-port 8792]
string Option(string name, string fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

int Port(string name, int fallback) =>
    int.TryParse(Option(name, fallback.ToString()), out var p) && p is > 0 and < 65536 ? p
        : throw new ArgumentException($"{name} {Option(name, "")}: expected a port number 1..65535");

try
{
    var cube = Path.GetFullPath(Option("--cube", Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/datasets/sits_mod13q1_sinop/cube")));
    if (!Directory.Exists(cube)) throw new DirectoryNotFoundException($"{cube}: the Sinop cube folder is not there (give --cube DIR)");
    var tiles = SinopStacTiles.Make(cube, Path.GetFullPath(Option("--tiles", Path.Combine(Path.GetTempPath(), "lstmfcn-stac-test-server"))));
    using var files = new RangeHttpServer(tiles, Port("--files-port", 8792));
    using var api = new StacTestApi(SinopStacTiles.Items(tiles, f => $"{files.Url}/{f}"), Port("--port", 8791));
    Console.WriteLine($"STAC API {api.Url} (collection sinop, tiles left and right, 23 dates each); COGs from {tiles} at {files.Url}");
    Console.WriteLine("Ctrl+C stops it.");
    using var stop = new ManualResetEventSlim();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Set(); };
    using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Set(); });
    stop.Wait();
    return 0;
}
catch (Exception e) when (e is ArgumentException or IOException or System.Net.HttpListenerException or InvalidOperationException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
