using System.Globalization;
using LstmFcn.Pipeline.Engine.Running;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// Raster cubes on the real sits MODIS Sinop cube (23 NDVI GeoTIFFs, 50 × 50 px, sinusoidal CRS): point extraction
/// reads the exact pixel values, maps keep the cube's georeference, broken cubes fail naming the file and leave no
/// map, an interrupted classification resumes to byte-identical maps, and Bayesian smoothing behaves as sits'.
/// </summary>
public sealed class RasterCubeSpecs
{
    static string SinopFolder => Path.Combine(Repo.Datasets, "sits_mod13q1_sinop");
    static string SinopCube => Path.Combine(SinopFolder, "cube");
    static string SinopPoints => Path.Combine(SinopFolder, "samples", "samples_sinop_crop.csv");

    /// <summary>
    /// The raster layer of the cube plugin (its IRasterFiles), reached through the loaded plugin like any caller
    /// outside it; its readers are private types, so they are used through their interface by reflection.
    /// </summary>
    sealed class RasterLayer
    {
        readonly System.Reflection.Assembly _plugin = Plugins.BuiltIn.Get("cube-classify").Plugin.GetType().Assembly;
        readonly object _files;

        public RasterLayer() =>
            _files = _plugin.GetType("LstmFcn.Plugins.Raster.Gdal.GdalRasterFiles")!.GetProperty("Instance")!.GetValue(null)!;

        Type Io(string name) => _plugin.GetType("LstmFcn.Plugins.Raster.Io." + name)!;

        public Reader Open(string path) => new(Io("IRasterFiles").GetMethod("Open")!.Invoke(_files, new object[] { path })!, Io("IRasterReader"));

        /// <summary>Creates an empty single-band Float32 GeoTIFF (GDAL fills it with zeros) on the given grid.</summary>
        public void CreateEmpty(string path, int width, int height, double[] geoTransform, string wkt)
        {
            var grid = Activator.CreateInstance(Io("RasterGrid"), width, height, geoTransform, wkt)!;
            var creation = Activator.CreateInstance(Io("RasterCreation"), path, grid, 1, Enum.ToObject(Io("RasterDataType"), 6), null, 512, "DEFLATE", false)!;
            ((IDisposable)Io("IRasterFiles").GetMethod("Create")!.Invoke(_files, new[] { creation })!).Dispose();
        }

        public sealed class Reader(object reader, Type type) : IDisposable
        {
            public dynamic Grid => type.GetProperty("Grid")!.GetValue(reader)!;
            public int BandCount => (int)type.GetProperty("BandCount")!.GetValue(reader)!;
            public string? Description(int band) => (string?)type.GetMethod("Description")!.Invoke(reader, new object[] { band });
            public double? NoData(int band) => (double?)type.GetMethod("NoData")!.Invoke(reader, new object[] { band });
            public void Dispose() => ((IDisposable)reader).Dispose();
        }
    }

    static string MapPipeline(TempFolder temp, string cube, int block = 16, string name = "sinop-map", string model = "1nn") => temp.Write($"{name}.yaml", $"""
        name: {name}
        seed: 42
        loader:
          plugin: cube-points
          with:
            cube: {cube}
            pattern: "{"{satellite}_{tile}_{band}_{date}"}"
            scale: 0.0001
            points: {SinopPoints}
        preprocess: [znorm]
        model: {model}
        map:
          - plugin: cube-classify
            with:
              cube: {cube}
              pattern: "{"{satellite}_{tile}_{band}_{date}"}"
              scale: 0.0001
              block: {block}
          - cube-smooth
          - {"{plugin: cube-label, with: {from: smoothed}}"}
          - {"{plugin: cube-uncertainty, with: {from: smoothed}}"}
        output: {temp["runs"]}
        """);

    [Fact]
    public void Points_read_the_exact_pixel_values_of_every_date()
    {
        var args = Plugins.Arguments(Plugins.Loader("cube-points"),
            ("cube", SinopCube), ("pattern", "{satellite}_{tile}_{band}_{date}"), ("points", SinopPoints));
        using var temp = new TempFolder();
        var split = Plugins.Loader("cube-points").Load(args, Plugins.Context(temp.Path));

        // Expected values: gdallocationinfo -wgs84 on every date (samples_sinop_crop_extracted_ndvi.csv).
        var expected = File.ReadAllLines(Path.Combine(SinopFolder, "samples", "samples_sinop_crop_extracted_ndvi.csv")).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(c => c[0], c => c[6..].Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        Assert.Equal(12, split.Train.Count);
        Assert.Equal(23, split.Train.MaxLength);
        foreach (var sample in split.Train.Samples)
            Assert.Equal(expected[sample.Id], sample.Values);
        Assert.Equal(new[] { "Forest", "Pasture", "Soy_Corn" }, split.Train.Classes.Names);
    }

    [Fact]
    public void Maps_carry_the_cube_georeference_and_describe_their_classes()
    {
        using var temp = new TempFolder();
        var run = PipelineFiles.Run(MapPipeline(temp, SinopCube));

        var io = new RasterLayer();
        using var source = io.Open(Directory.GetFiles(SinopCube)[0]);
        foreach (var name in new[] { "probabilities.tif", "probabilities-smoothed.tif", "classes.tif", "uncertainty.tif" })
        {
            using var map = io.Open(Path.Combine(run.RunDirectory, "map", name));
            string difference = "";
            Assert.True(source.Grid.Matches(map.Grid, out difference), $"{name}: {difference}");
        }
        using var probabilities = io.Open(Path.Combine(run.RunDirectory, "map", "probabilities.tif"));
        Assert.Equal(3, probabilities.BandCount);
        Assert.Equal("Pasture", probabilities.Description(2));
        using var classes = io.Open(Path.Combine(run.RunDirectory, "map", "classes.tif"));
        Assert.Equal(255.0, classes.NoData(1));
        Assert.Contains("<Category>Soy_Corn</Category>", File.ReadAllText(Path.Combine(run.RunDirectory, "map", "classes.tif.aux.xml")));
        Assert.True(new FileInfo(Path.Combine(run.RunDirectory, "map", "quicklook.png")).Length > 1000);
        Assert.Empty(Directory.GetFiles(Path.Combine(run.RunDirectory, "map"), "*.partial*"));
    }

    [Fact]
    public void An_ensemble_classifies_a_cube_like_a_single_model()
    {
        using var temp = new TempFolder();
        var run = PipelineFiles.Run(MapPipeline(temp, SinopCube, name: "sinop-ensemble",
            model: "{ensemble: [1nn, {plugin: random-forest, with: {trees: 10, min_samples_leaf: 1}, preprocess: [differences]}]}"));

        var io = new RasterLayer();
        using var source = io.Open(Directory.GetFiles(SinopCube)[0]);
        using var probabilities = io.Open(Path.Combine(run.RunDirectory, "map", "probabilities.tif"));
        Assert.True(source.Grid.Matches(probabilities.Grid, out string difference), difference);
        Assert.Equal(3, probabilities.BandCount);
        Assert.True(File.Exists(Path.Combine(run.RunDirectory, "map", "classes.tif")));
        Assert.True(File.Exists(Path.Combine(run.RunDirectory, "model", "members", "2-random-forest", "forest.bin")));
    }

    [Fact]
    public void A_file_off_the_cube_grid_is_named_and_no_map_is_left()
    {
        using var temp = new TempFolder();
        var cube = Directory.CreateDirectory(temp["cube"]).FullName;
        foreach (var f in Directory.GetFiles(SinopCube)) File.Copy(f, Path.Combine(cube, Path.GetFileName(f)));
        var broken = Path.Combine(cube, "MODIS_Sinop_NDVI_2014-01-17.tif");
        // Replace one date by a raster of another size: same CRS and origin, a different grid.
        var io = new RasterLayer();
        dynamic grid;
        using (var original = io.Open(broken)) grid = original.Grid;
        File.Delete(broken);
        io.CreateEmpty(broken, 40, 40, (double[])grid.GeoTransform, (string)grid.ProjectionWkt);

        var failure = Assert.Throws<RunFailedException>(() => PipelineFiles.Run(MapPipeline(temp, cube)));

        Assert.Contains("MODIS_Sinop_NDVI_2014-01-17.tif", failure.Message);
        Assert.Contains("size 40 × 40, expected 50 × 50", failure.Message);
        Assert.False(Directory.Exists(Path.Combine(failure.RunDirectory, "map")) &&
                     Directory.GetFiles(Path.Combine(failure.RunDirectory, "map"), "*.tif").Length > 0);
    }

    [Fact]
    public void A_missing_date_of_one_band_is_reported_with_the_band_and_date()
    {
        using var temp = new TempFolder();
        var cube = Directory.CreateDirectory(temp["cube"]).FullName;
        foreach (var f in Directory.GetFiles(SinopCube))
        {
            File.Copy(f, Path.Combine(cube, Path.GetFileName(f)));
            File.Copy(f, Path.Combine(cube, Path.GetFileName(f).Replace("NDVI", "EVI")));
        }
        File.Delete(Path.Combine(cube, "MODIS_Sinop_EVI_2014-03-06.tif"));
        var path = MapPipeline(temp, cube);

        var failure = Assert.Throws<RunFailedException>(() => PipelineFiles.Run(path, null, "loader.with.bands=[NDVI, EVI]"));

        Assert.Contains("band EVI has no file for 2014-03-06", failure.Message);
    }

    [Theory]
    [InlineData("1nn")]
    // A forest's saved arguments hold a null default (max_depth): the block fingerprint must come from a canonical form
    // of the model, or a resume would find every block "from another model" and redo it.
    [InlineData("{plugin: random-forest, with: {trees: 10}}")]
    public void An_interrupted_classification_resumes_to_byte_identical_maps(string model)
    {
        using var temp = new TempFolder();
        var path = MapPipeline(temp, SinopCube, block: 10, model: model);
        var straight = PipelineFiles.Run(path);

        using var cancel = new CancellationTokenSource();
        var interrupting = new CancellingProgress("classifying", after: 7, cancel);
        var runner = new PipelineRunner(Plugins.BuiltIn);
        var pipeline = PipelineFiles.Resolve(path);
        var killed = Assert.Throws<RunFailedException>(() =>
            runner.Run(pipeline, new RunOptions(SilentConsole.Instance, interrupting, cancel.Token)));
        var map = Path.Combine(killed.RunDirectory, "map");
        Assert.False(File.Exists(Path.Combine(map, "probabilities.tif")));
        int kept = Directory.GetFiles(Path.Combine(map, "blocks"), "block-*.bin").Length;
        Assert.InRange(kept, 7, 24);

        runner.Run(pipeline, new RunOptions(SilentConsole.Instance, NoProgress.Instance), killed.RunDirectory);

        Assert.Contains($"{kept} block(s) reused", File.ReadAllText(Path.Combine(killed.RunDirectory, "run.log")));
        foreach (var name in new[] { "probabilities.tif", "probabilities-smoothed.tif", "classes.tif", "uncertainty.tif" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(straight.RunDirectory, "map", name)), File.ReadAllBytes(Path.Combine(map, name)));
    }

    [Fact]
    public void A_resume_under_another_memory_mb_keeps_the_finished_blocks()
    {
        using var temp = new TempFolder();
        var tiled = ShardedClassifySpecs.ModelAndTiledCube(temp, 12).Cube;    // 600 × 600 px
        var path = MapPipeline(temp, SinopCube);
        string[] Map(int memoryMb) => ["map.0.with.cube=" + tiled, "map.0.with.extension=.vrt", "map.0.with.block=0", $"map.0.with.memory_mb={memoryMb}"];
        // 16 MB gives 128-px blocks (25 of them); 64 MB alone would give 256-px blocks (9).
        var straight = PipelineFiles.Run(path, null, Map(16));

        using var cancel = new CancellationTokenSource();
        var runner = new PipelineRunner(Plugins.BuiltIn);
        var killed = Assert.Throws<RunFailedException>(() => runner.Run(PipelineFiles.Resolve(path, null, Map(16)),
            new RunOptions(SilentConsole.Instance, new CancellingProgress("classifying", after: 7, cancel), cancel.Token)));
        var map = Path.Combine(killed.RunDirectory, "map");
        int kept = Directory.GetFiles(Path.Combine(map, "blocks"), "block-*.bin").Length;
        Assert.InRange(kept, 7, 24);

        runner.Run(PipelineFiles.Resolve(path, null, Map(64)), new RunOptions(SilentConsole.Instance, NoProgress.Instance), killed.RunDirectory);

        var log = File.ReadAllText(Path.Combine(killed.RunDirectory, "run.log"));
        Assert.Contains("keeps the block side of the earlier attempt (128 px)", log);
        Assert.Contains($"{kept} block(s) reused", log);
        foreach (var name in new[] { "probabilities.tif", "classes.tif" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(straight.RunDirectory, "map", name)), File.ReadAllBytes(Path.Combine(map, name)));
    }

    [Fact]
    public void Bayesian_smoothing_corrects_an_isolated_pixel_and_keeps_masks_and_uniform_areas()
    {
        var assembly = Plugins.BuiltIn.Get("cube-smooth").Plugin.GetType().Assembly;
        dynamic smoother = Activator.CreateInstance(assembly.GetType("LstmFcn.Plugins.Raster.Maps.BayesianSmoothing")!,
            9, 0.5, (IReadOnlyList<double>)new List<double> { 20, 20 })!;
        const int W = 20, H = 20, N = W * H;
        // Two classes; class 0 at 0.8 everywhere but a noisy mix, one isolated pixel voting class 1, one masked pixel.
        var field = new float[2 * N];
        var rng = new Random(3);
        for (int i = 0; i < N; i++)
        {
            field[i] = 0.8f + (float)(rng.NextDouble() - 0.5) * 0.1f;
            field[N + i] = 1 - field[i];
        }
        int isolated = 10 * W + 10, masked = 3 * W + 4;
        field[isolated] = 0.3f; field[N + isolated] = 0.7f;
        field[masked] = float.NaN; field[N + masked] = float.NaN;
        dynamic block = Activator.CreateInstance(assembly.GetType("LstmFcn.Plugins.Raster.Maps.Block")!, 0, 0, 0, W, H)!;

        float[] smoothed = smoother.Smooth(field, 0, 0, W, H, block, W, H, 2);

        Assert.True(smoothed[isolated] > 0.5f, $"isolated pixel: p(class 0) = {smoothed[isolated]}");
        Assert.True(float.IsNaN(smoothed[masked]));
        for (int i = 0; i < N; i++)
        {
            if (i == masked) continue;
            Assert.Equal(1f, smoothed[i] + smoothed[N + i], 4);
            if (i != isolated) Assert.InRange(smoothed[i], 0.72f, 0.9f);
        }
    }

    /// <summary>Cancels the run once a bar whose description starts with <c>prefix</c> has reported <c>after</c> steps.</summary>
    sealed class CancellingProgress(string prefix, int after, CancellationTokenSource cancel) : IProgressSink
    {
        public IProgressBar Start(string description, double total) => new Bar(description.StartsWith(prefix) ? this : null);

        void Step(double value)
        {
            if (value >= after) cancel.Cancel();
        }

        sealed class Bar(CancellingProgress? owner) : IProgressBar
        {
            public void Report(double value, string? status = null) => owner?.Step(value);

            public void Dispose() { }
        }
    }
}
