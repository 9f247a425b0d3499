using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// Remote cubes: the Sinop cube as Cloud-Optimized GeoTIFFs (16 × 16 blocks) served by a local range-capable HTTP
/// server. Read through GDAL's /vsicurl/ they give the pixels of the local files; failed range requests (503, 500, a
/// dropped connection) are retried; a server that stays down fails the read with an error naming the URL, and a map
/// whose server went down mid-run is finished by <c>run --resume</c> once it is back, as an uninterrupted run maps it.
/// </summary>
public sealed class RemoteCubeSpecs : IDisposable
{
    static string SinopFolder => Path.Combine(Repo.Datasets, "sits_mod13q1_sinop");
    static string SinopCube => Path.Combine(SinopFolder, "cube");
    static string SinopPoints => Path.Combine(SinopFolder, "samples", "samples_sinop_crop.csv");
    const string Pattern = "{satellite}_{tile}_{band}_{date}";

    /// <summary>The cube's files as COGs, made once for the class (gdal_translate -of COG).</summary>
    static readonly Lazy<string> Cogs = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), $"lstmfcn-cog-sinop-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        Parallel.ForEach(Directory.GetFiles(SinopCube, "*.tif"), new ParallelOptions { MaxDegreeOfParallelism = 2 }, f =>
        {
            var target = Path.Combine(folder, Path.GetFileName(f));
            if (!File.Exists(target)) GdalTools.Run("gdal_translate", "-q", "-of", "COG", "-co", "BLOCKSIZE=16", "-co", "COMPRESS=DEFLATE", f, target);
        });
        File.WriteAllLines(Path.Combine(folder, "files.txt"), Directory.GetFiles(SinopCube, "*.tif").Select(Path.GetFileName).Order()!);
        return folder;
    });

    readonly TempFolder _temp = new();
    readonly RangeHttpServer _server = new(Cogs.Value);

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    DatasetSplit Load(string cube, string? fileList, params (string, object?)[] extra)
    {
        var loader = Plugins.Loader("cube-points");
        var args = new List<(string, object?)> { ("cube", cube), ("pattern", Pattern), ("scale", 0.0001), ("points", SinopPoints) };
        if (fileList is not null) args.Add(("file_list", fileList));
        args.AddRange(extra);
        return loader.Load(Plugins.Arguments(loader, args.ToArray()), Plugins.Context(_temp.Path));
    }

    string FileList => Path.Combine(Cogs.Value, "files.txt");

    static void SameSeries(DatasetSplit expected, DatasetSplit actual)
    {
        Assert.Equal(expected.Train.Count, actual.Train.Count);
        for (int i = 0; i < expected.Train.Count; i++)
        {
            Assert.Equal(expected.Train.Samples[i].Id, actual.Train.Samples[i].Id);
            Assert.Equal(expected.Train.Samples[i].Values, actual.Train.Samples[i].Values);
        }
    }

    [Fact]
    public void A_cube_over_http_gives_the_pixels_of_the_local_files_by_range_requests()
    {
        var local = Load(SinopCube, null);
        var remote = Load(_server.Url, FileList);
        SameSeries(local, remote);
        Assert.True(_server.Requests > 23, $"{_server.Requests} requests");
        // Range requests only: every file was opened, none downloaded whole more than once over.
        long cogBytes = Directory.GetFiles(Cogs.Value, "*.tif").Sum(f => new FileInfo(f).Length);
        Assert.True(_server.BytesSent <= 2 * cogBytes, $"{_server.BytesSent} bytes sent for {cogBytes} bytes of COGs");
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(0)]
    public void Failed_requests_are_retried_and_the_pixels_are_the_same(int status)
    {
        _server.FailNext(3, status);
        var remote = Load(_server.Url, FileList, ("http_max_retry", 5), ("http_retry_delay", 0.05));
        Assert.Equal(3, _server.Failed);
        SameSeries(Load(SinopCube, null), remote);
    }

    [Fact]
    public void A_server_that_stays_down_fails_with_an_error_naming_the_url()
    {
        _server.Down = true;
        var e = Assert.ThrowsAny<Exception>(() => Load(_server.Url, FileList, ("http_max_retry", 2), ("http_retry_delay", 0.05)));
        var message = (e.InnerException ?? e).Message;
        Assert.Contains($"{_server.Url}/MODIS_Sinop_NDVI_2013-09-14.tif", message);
        Assert.Contains("remote raster", message);
        Assert.Contains("the server answers HTTP 503", message);
        // The first try and two retries of the first file's first request, then no more.
        Assert.InRange(_server.Failed, 3, 6);
    }

    [Fact]
    public void A_remote_cube_without_a_file_list_is_refused_saying_what_to_give()
    {
        var e = Assert.ThrowsAny<Exception>(() => Load(_server.Url, null));
        Assert.Contains("file_list", e.Message);
    }

    /// <summary>
    /// The Sinop cube tiled 8 × 8 (400 × 400 px) as COGs of 128-px tiles with their file list, made once for the class:
    /// large enough that a map's blocks are read by range requests as it goes, not by the first request of each file.
    /// </summary>
    static readonly Lazy<string> LargeCogs = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), $"lstmfcn-cog-sinop8-{Environment.ProcessId}");
        var vrts = Path.Combine(folder, "vrt");
        Directory.CreateDirectory(folder);
        var make = System.Diagnostics.Process.Start("bash", [Path.Combine(Repo.Root, "benchmarks", "raster", "make-tiled-cube.sh"), vrts, "8", SinopCube])!;
        make.WaitForExit();
        Assert.Equal(0, make.ExitCode);
        Parallel.ForEach(Directory.GetFiles(vrts, "*.vrt"), new ParallelOptions { MaxDegreeOfParallelism = 2 }, f =>
        {
            var target = Path.Combine(folder, Path.GetFileNameWithoutExtension(f) + ".tif");
            if (!File.Exists(target)) GdalTools.Run("gdal_translate", "-q", "-of", "COG", "-co", "BLOCKSIZE=128", "-co", "COMPRESS=DEFLATE", f, target);
        });
        File.WriteAllLines(Path.Combine(folder, "files.txt"), Directory.GetFiles(folder, "*.tif").Select(Path.GetFileName).Order()!);
        return folder;
    });

    [Fact]
    public void A_map_whose_server_goes_down_fails_naming_the_url_and_resume_finishes_it_as_an_uninterrupted_run()
    {
        using var server = new RangeHttpServer(LargeCogs.Value);
        var fileList = Path.Combine(LargeCogs.Value, "files.txt");
        var model = PipelineFiles.Run(Support.SinopPoints.Pipeline(_temp, _temp["model"])).RunDirectory;
        // 100-px blocks: 16 of them, so some are finished before the server goes away.
        CliResult Classify(string output) => Cli.Run(_temp.Path, "classify", model, server.Url, "--output", output, "-q",
            "--with", $"file_list={fileList}", "--with", "block=100", "--with", "http_max_retry=1", "--with", "http_retry_delay=0.05");
        var whole = Classify(_temp["whole"]);
        Assert.True(whole.ExitCode == 0, whole.ToString());
        long requestsForAll = server.Requests;

        server.ResetCounts();
        server.GoDownAfter((int)(requestsForAll * 2 / 3));
        var failed = Classify(_temp["interrupted"]);
        Assert.True(failed.ExitCode == 1, $"{requestsForAll} requests for a whole map; {failed}");
        Assert.Matches($@"error: .*{System.Text.RegularExpressions.Regex.Escape(server.Url)}/MODIS_Sinop_NDVI_\d{{4}}-\d\d-\d\d\.tif", failed.Stderr);
        Assert.Contains("the server answers HTTP 503", failed.Stderr);
        var run = Directory.GetDirectories(_temp["interrupted"]).Single();
        Assert.False(File.Exists(Path.Combine(run, "map", "classes.tif")));

        server.GoDownAfter(-1);
        server.Down = false;
        var resumed = Cli.Run(_temp.Path, "run", "--resume", run, "-q");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Matches(@"[1-9]\d* block\(s\) reused from an earlier attempt", File.ReadAllText(Path.Combine(run, "run.log")));
        var expected = Path.Combine(whole.Stdout.Trim(), "map");
        foreach (var file in new[] { "classes.tif", "probabilities.tif" })
            Assert.Equal(GdalTools.PixelDigest(Path.Combine(expected, file)), GdalTools.PixelDigest(Path.Combine(run, "map", file)));
    }
}
