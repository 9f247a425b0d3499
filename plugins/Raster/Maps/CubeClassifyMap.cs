using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using LstmFcn.Pipeline;
using LstmFcn.Plugins.Raster.Cube;
using LstmFcn.Plugins.Raster.Gdal;
using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>
/// <c>cube-classify</c> (sits_classify): applies the run's trained pipeline to every pixel of a cube, block by block
/// within a memory budget, and writes a probability GeoTIFF — one UInt16 band per class (× 1e-4), the cube's grid
/// and CRS, tiled, compressed, with overviews. Finished blocks are kept, so a resumed run redoes only what is missing.
/// </summary>
public sealed class CubeClassifyMap : MapPlugin<CubeClassifyMap.Options>, IChecksMapInput
{
    public enum Compression { Deflate, Lzw, None }

    public sealed record Options : CubeOptions
    {
        [Parameter("memory budget for the blocks in flight and the model's inference (sets the block size, like sits' memsize, and caps the model batch); the runtime and the model's weights come on top", Min = 16, Max = 1 << 20)]
        public int MemoryMb { get; init; } = 512;

        [Parameter("block side in pixels; 0 = derived from memory_mb and workers", Min = 0, Max = 16384)]
        public int Block { get; init; }

        [Parameter("blocks classified at once (like sits' multicores); each model call may itself use several threads", Min = 1, Max = 256)]
        public int Workers { get; init; } = 1;

        [Parameter("most pixels handed to the model per call (fewer when the model's inference would not fit memory_mb)", Min = 1, Max = 1 << 22)]
        public int Batch { get; init; } = 8192;

        [Parameter("GeoTIFF compression")]
        public Compression Compression { get; init; } = Compression.Deflate;

        [Parameter("build internal overviews (for fast display in QGIS)")]
        public bool Overviews { get; init; } = true;

        [Parameter("keep the finished-block store after the map is written")]
        public bool KeepBlocks { get; init; }

        [Parameter("how the cube's dates must match the model's: strict (the same dates), same-season (the same days of another year) or nearest (each within timeline_days)")]
        public TimelinePolicy Timeline { get; init; } = TimelinePolicy.Strict;

        [Parameter("nearest: the most days a cube date may lie from the model's", Min = 0, Max = 366)]
        public int TimelineDays { get; init; } = 8;

        [Parameter("region of interest [xmin, ymin, xmax, ymax] (in roi_crs): only the blocks it touches are read, and the map covers its bounding box; empty = the whole cube", Min = -1e12, Max = 1e12)]
        public IReadOnlyList<double> Roi { get; init; } = [];

        [Parameter("CRS of the roi: 'cube' (the cube's own), EPSG:code (EPSG:4326 for lon/lat) or WKT")]
        public string RoiCrs { get; init; } = "cube";

        [Parameter("region of interest as a GeoJSON file of polygons (lon/lat, or the CRS its crs member names): the map covers their bounding box and pixels whose centre lies outside them are nodata", Path = PathKind.ExistingFile)]
        public string? RoiPolygon { get; init; }

        [Parameter("folder of finished blocks shared by the workers of a sharded map (default: the run's map/blocks)", Path = PathKind.Any)]
        public string? BlockStore { get; init; }

        [Parameter("the shard this worker classifies (0 .. shards-1): only its blocks, into block_store, and no map file; -1 = every block", Min = -1, Max = 99999)]
        public int Shard { get; init; } = -1;

        [Parameter("how many shards the blocks are dealt to (block i goes to shard i mod shards)", Min = 1, Max = 100000)]
        public int Shards { get; init; } = 1;

        [Parameter("merge: assemble the map from block_store only; a missing block is an error naming its shard, not work")]
        public bool Assemble { get; init; }

        public override IEnumerable<OptionProblem> Validate()
        {
            foreach (var problem in base.Validate()) yield return problem;
            if (TimelineDays != new Options().TimelineDays && Timeline != TimelinePolicy.Nearest)
                yield return new("timeline_days", "timeline_days applies to timeline: nearest only");
            if (Shard >= Shards) yield return new("shard", $"shard {Shard} of {Shards}: shards are numbered 0 .. {Shards - 1}");
            if ((Shard >= 0 || Assemble) && BlockStore is null)
                yield return new("block_store", "a sharded map (shard: or assemble:) needs the block_store its workers share");
            if (Shard >= 0 && Assemble) yield return new("assemble", "a worker (shard:) classifies blocks; assemble: is the merge that follows all of them");
            if (Roi.Count != 0 && RoiPolygon is not null)
                yield return new("roi_polygon", "give a region of interest once: roi (a box) or roi_polygon (polygons), not both");
            if (Roi.Count != 0 && (Roi.Count != 4 || Roi[0] >= Roi[2] || Roi[1] >= Roi[3]))
                yield return new("roi", $"expected [xmin, ymin, xmax, ymax] with xmin < xmax and ymin < ymax, found [{string.Join(", ", Roi)}]");
        }
    }

    public override string Name => "cube-classify";
    public override string Description => "classify every pixel of a GeoTIFF cube block by block → probability GeoTIFF (sits_classify)";

    /// <summary>The cube's bands and dates against the model's, before a saved model's run writes anything.</summary>
    public void CheckInput(ITrainedPipeline pipeline, PluginArguments args, RunContext context) =>
        ModelTimeline.OpenFor(pipeline, OptionsSchema<Options>.Bind(args), GdalRasterFiles.Instance, Name, context.Log);

    protected override IReadOnlyList<string> Reads(Options options) => [MapProducts.Model];
    /// <summary>A shard worker writes blocks only: the map file, which later verbs read, is the merge's.</summary>
    protected override IReadOnlyList<string> Writes(Options options) => options.Shard >= 0 ? [] : [MapProducts.Probabilities];

    protected override void Run(MapStageInput input, Options options, RunContext context)
    {
        var pipeline = input.Pipeline;
        var io = GdalRasterFiles.Instance;
        var cube = ModelTimeline.OpenFor(pipeline, options, io, Name, context.Log);
        var folder = input.Folder;
        int k = pipeline.Classes.Count;
        var (workers, workerContext) = ShareCores(options.Workers, context);
        var polygon = options.RoiPolygon is { } file ? Maps.RoiPolygon.Read(file).InPixels(cube.Grid, io) : null;
        var window = polygon is null ? MapWindow.Of(cube.Grid, options.Roi, options.RoiCrs, io, options.Cube)
            : MapWindow.Of(cube.Grid, polygon, options.Cube);
        var content = Fingerprint(pipeline, cube, window, polygon);
        var storeFolder = options.BlockStore ?? Path.Combine(folder, MapLayout.Blocks);
        var layout = new BlockLayoutFile(storeFolder);
        int blockSide = options.Block > 0 ? options.Block
            : layout.SideFor(content) is { } earlier ? LogKept(earlier, context)
            // The workers asked for, not those this machine allows: every worker of a sharded map, wherever it runs,
            // must derive the same tiling.
            : BlockSide(cube, window, k, options.MemoryMb, options.Workers);
        var blocks = Block.Tile(window.Width, window.Height, blockSide);
        var store = new BlockStore(storeFolder, $"{content}-{blockSide}");
        layout.Record(content, blockSide);
        if (options.Assemble)
        {
            ShardedBlocks.RequireAll(blocks, store, k, options.Shards, storeFolder);
            if (store.RemoveOrphans() is > 0 and var orphans)
                context.Log.Info($"cube-classify: removed {orphans} half-written block file(s) left by killed workers in {storeFolder}");
        }
        var todo = options.Shard >= 0 ? ShardedBlocks.Of(blocks, options.Shard, options.Shards) : blocks;
        int batch = ModelBatch(pipeline, cube, options);
        context.Log.Info($"cube-classify: {window.Describe()} of {cube.Width} × {cube.Height} px × {cube.ValuesPerPixel} values in {blocks.Count} block(s) of ≤ {blockSide} px, " +
                         $"{workers} worker(s) × {workerContext.WorkerThreads} thread(s), model batch {batch} px");

        using var reader = new CubeWindowReader(io, cube);
        var gaps = new TemporalGapFilling(cube.Dates);
        long pixelsDone = 0, reused = 0, finished = 0, maskedTotal = 0;
        var clock = Stopwatch.StartNew();
        using (var bar = context.Progress.Start($"classifying {todo.Count} blocks", todo.Count))
        {
            try
            {
                Parallel.ForEach(todo, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = context.Cancellation }, block =>
                {
                    if (store.TryRead(block, k) is null)
                    {
                        var values = ClassifyBlock(block, window, polygon, cube, reader, gaps, pipeline, k, batch, workerContext, out int masked);
                        store.Write(block, k, values);
                        Interlocked.Add(ref maskedTotal, masked);
                        Interlocked.Add(ref pixelsDone, block.Pixels);
                    }
                    else Interlocked.Increment(ref reused);
                    var done = Interlocked.Increment(ref finished);
                    double rate = Interlocked.Read(ref pixelsDone) / Math.Max(1e-9, clock.Elapsed.TotalSeconds);
                    bar.Report(done, $"{rate.ToString("N0", CultureInfo.InvariantCulture)} px/s");
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // "One or more errors occurred" names nothing: the first block's own error does.
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
        }
        double seconds = clock.Elapsed.TotalSeconds;
        context.Log.Info($"cube-classify: {pixelsDone} px classified in {seconds:F1} s ({pixelsDone / Math.Max(1e-9, seconds):F0} px/s), " +
                         $"{reused} block(s) reused from an earlier attempt, {maskedTotal} px masked (nodata on every date)");
        if (options.Shard >= 0)
        {
            context.Log.Info($"cube-classify: shard {options.Shard} of {options.Shards}: {todo.Count} of {blocks.Count} blocks are in {storeFolder}; " +
                             "the merge (lstmfcn merge) assembles the map once every shard is done");
            return;
        }
        if (maskedTotal > 0 && maskedTotal == (long)window.Width * window.Height)
            context.Log.Warn($"cube-classify: every pixel of the cube is nodata on some band at every date; the map is empty (check nodata, scale and bands)");

        var final = Path.Combine(folder, MapLayout.Probabilities);
        MapLayout.Write(final, temp =>
        {
            using (var writer = io.Create(new RasterCreation(temp, window.Grid, k, RasterDataType.UInt16, MapLayout.ProbabilityNoData,
                       Compression: options.Compression.ToString().ToUpperInvariant())))
            {
                foreach (var block in blocks)
                {
                    var values = store.TryRead(block, k) ?? throw new InvalidOperationException($"block at ({block.X}, {block.Y}) vanished from {folder}");
                    for (int c = 0; c < k; c++) writer.Write(c + 1, block.X, block.Y, block.Width, block.Height, values.AsSpan(c * block.Pixels, block.Pixels));
                }
                for (int c = 0; c < k; c++)
                {
                    writer.SetBandDescription(c + 1, pipeline.Classes[c]);
                    writer.SetScale(c + 1, MapLayout.ProbabilityScale, 0);
                }
                writer.SetMetadata("LSTMFCN_CLASSES", string.Join(",", pipeline.Classes.Names));
                writer.SetMetadata("LSTMFCN_PIPELINE", input.PipelineName);
                // The cube's time span, for sits-style names of the maps made from this one (cube-export).
                writer.SetMetadata(MapLayout.StartDateKey, cube.Dates[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.SetMetadata(MapLayout.EndDateKey, cube.Dates[^1].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                if (options.Overviews) writer.BuildOverviews("AVERAGE", MapLayout.OverviewFactors(window.Width, window.Height));
            }
        });
        // A shared store is the cluster's record of finished work: it stays until the user removes it.
        if (!options.KeepBlocks && options.BlockStore is null) store.Delete();
        context.Log.Info($"Wrote {final}");
    }

    static ushort[] ClassifyBlock(Block block, MapWindow window, PixelPolygon? polygon, RasterCube cube, CubeWindowReader reader, TemporalGapFilling gaps,
        ITrainedPipeline pipeline, int k, int batch, RunContext context, out int masked)
    {
        int perPixel = cube.ValuesPerPixel, bands = cube.Bands.Count, dates = cube.Dates.Count, n = block.Pixels;
        var values = new float[n * perPixel];
        reader.Read(window.X + block.X, window.Y + block.Y, block.Width, block.Height, values);
        var output = new ushort[k * n];
        output.AsSpan().Fill(MapLayout.ProbabilityNoData);

        var valid = new List<int>(n);
        for (int p = 0; p < n; p++)
        {
            // Outside the region's polygons: nodata, like a pixel with no valid date.
            bool ok = polygon is null || polygon.ContainsPixel(window.X + block.X + p % block.Width, window.Y + block.Y + p / block.Width);
            for (int b = 0; b < bands && ok; b++) ok = gaps.Fill(values.AsSpan(p * perPixel + b * dates, dates));
            if (ok) valid.Add(p);
        }
        masked = n - valid.Count;

        var empty = new Dictionary<string, string>();
        for (int start = 0; start < valid.Count; start += batch)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            int count = Math.Min(batch, valid.Count - start);
            var samples = new TimeSeriesSample[count];
            for (int i = 0; i < count; i++)
            {
                int p = valid[start + i];
                samples[i] = new TimeSeriesSample("", values.AsSpan(p * perPixel, perPixel).ToArray(), bands, TimeSeriesSample.Unlabelled, empty);
            }
            var probabilities = pipeline.PredictProbabilities(new TimeSeriesDataset(samples, pipeline.Classes), context);
            for (int i = 0; i < count; i++)
            {
                var row = probabilities.Row(i);
                int p = valid[start + i];
                for (int c = 0; c < k; c++) output[c * n + p] = MapLayout.EncodeProbability(row[c]);
            }
        }
        return output;
    }

    /// <summary>
    /// Workers and threads per worker so that workers × threads stays within the run's threads (all the cores this
    /// process may use when <c>threads: 0</c>; Environment.ProcessorCount counts the CPU affinity mask and the cgroup
    /// quota): each model call in a worker runs its own thread team (libtorch's OpenMP team, a forest's Parallel.For),
    /// so 4 workers on 2 cores with 2 threads each would run 8 threads on 2 cores. More workers than threads get one
    /// thread each and are cut to the thread count, with a note in the log.
    /// </summary>
    static (int Workers, RunContext Context) ShareCores(int requested, RunContext context)
    {
        int threads = context.WorkerThreads;
        int workers = Math.Min(requested, threads);
        if (workers < requested)
            context.Log.Info($"cube-classify: {requested} workers asked for, {workers} used: this run has {threads} thread(s) " +
                             "(threads:, or the cores it may use), and more workers would only oversubscribe them");
        var shared = new RunContext(context.Seed, context.Device, context.RunDirectory, context.Log, context.Progress, context.Artifacts,
            context.Cancellation) { Threads = Math.Max(1, threads / workers) };
        return (workers, shared);
    }

    /// <summary>
    /// A block side whose blocks in flight fit the budget: per pixel the raw series, its sample copy and the model's
    /// output, with room for the model's own working set.
    /// </summary>
    static int BlockSide(RasterCube cube, MapWindow window, int classes, int memoryMb, int workers)
    {
        long bytesPerPixel = cube.ValuesPerPixel * 4L * 3 + 160 + classes * 6L;
        long pixels = memoryMb * 1024L * 1024L / 2 / workers / bytesPerPixel;
        int side = (int)Math.Sqrt(pixels) / 64 * 64;
        // A small region needs no block larger than itself (sits issue #1469: the block follows the ROI).
        int needed = (Math.Max(window.Width, window.Height) + 63) / 64 * 64;
        return Math.Clamp(Math.Min(side, needed), 64, 4096);
    }

    /// <summary>
    /// Pixels per model call: <c>batch</c>, or fewer so that every worker's inference fits its half of memory_mb (the
    /// blocks take the other half, <see cref="BlockSide"/>). A MultiRocket model holds 200 KB of features per pixel:
    /// 8 192 pixels would be 1.6 GB.
    /// </summary>
    static int ModelBatch(ITrainedPipeline pipeline, RasterCube cube, Options options)
    {
        long budget = options.MemoryMb * 1024L * 1024L / 2 / options.Workers;
        return pipeline.FootprintFor(cube.Bands.Count, cube.Dates.Count).BatchWithin(budget, options.Batch);
    }

    static int LogKept(int side, RunContext context)
    {
        context.Log.Info($"cube-classify: keeps the block side of the earlier attempt ({side} px), so its finished blocks count");
        return side;
    }

    /// <summary>What decides a block's content: the trained pipeline, the cube's files and values, the mapped window.</summary>
    static string Fingerprint(ITrainedPipeline pipeline, RasterCube cube, MapWindow window, PixelPolygon? polygon)
    {
        var text = new StringBuilder();
        foreach (var ring in polygon?.Rings ?? [])
            foreach (var (c, r) in ring) text.Append(c.ToString("R", CultureInfo.InvariantCulture)).Append(' ').Append(r.ToString("R", CultureInfo.InvariantCulture)).Append(';');
        text.Append(pipeline.Fingerprint).Append('|').Append(window.X).Append(',').Append(window.Y).Append(',')
            .Append(window.Width).Append(',').Append(window.Height).Append('|')
            .Append(cube.Scale.ToString("R", CultureInfo.InvariantCulture)).Append('|').Append(cube.Offset.ToString("R", CultureInfo.InvariantCulture));
        foreach (var file in cube.AllFiles())
        {
            // A remote file is known by its URL alone: asking its size and date would cost a request per file and
            // attempt, and a host that replaces a COG under the same URL is not one blocks can be resumed from anyway.
            if (Gdal.GdalPaths.IsRemote(file))
            {
                text.Append('|').Append(file);
                continue;
            }
            var info = new FileInfo(file);
            text.Append('|').Append(Path.GetFullPath(file)).Append(':').Append(info.Length).Append(':').Append(info.LastWriteTimeUtc.Ticks);
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }
}
