using System.Globalization;
using LstmFcn.Plugins.Raster.Cube;
using LstmFcn.Plugins.Raster.Gdal;
using LstmFcn.Plugins.Raster.Io;
using LstmFcn.Regularisation;

namespace LstmFcn.Plugins.Raster.Regularise;

/// <summary>
/// sits_regularize: a cube with irregular dates (and optionally a cloud/quality band) → a local regular cube, one
/// Float32 Cloud-Optimized GeoTIFF per band per interval of period P (256-px tiles, DEFLATE, NaN nodata, physical values: scale and offset
/// applied), named PREFIX_BAND_yyyy-MM-dd.tif — a folder every cube verb reads (pattern {satellite}_{tile}_{band}_{date}
/// with the default prefix, scale 1). Pixels whose mask class is invalid are nodata before compositing. Read and
/// written block by block; files get their final names only when all are complete.
/// </summary>
public static class RegularCubeWriter
{
    /// <param name="maskBand">The cube's cloud/quality band (its classes are the raw stored values), or null.</param>
    /// <param name="origin">First day of the timeline (yyyy-MM-dd); null = the cube's first date. Give the same to every tile.</param>
    /// <param name="method">first-valid, median or least-cloudy (see <see cref="CompositeMethod.LeastCloudy"/>).</param>
    /// <returns>The regular dates written.</returns>
    public static IReadOnlyList<DateOnly> Regularise(RasterCube cube, string? maskBand, IReadOnlyList<int> maskClasses, int periodDays,
        string? origin, string method, string outputFolder, string prefix = "REGULAR_CUBE", int block = 256)
    {
        var io = GdalRasterFiles.Instance;
        var composite = method switch
        {
            "first-valid" => CompositeMethod.FirstValid,
            "median" => CompositeMethod.Median,
            "least-cloudy" => CompositeMethod.LeastCloudy,
            _ => throw new ArgumentException($"composite method '{method}': expected first-valid, median or least-cloudy"),
        };
        int maskIndex = -1;
        if (maskBand is not null)
        {
            maskIndex = cube.Bands.ToList().IndexOf(maskBand);
            if (maskIndex < 0) throw new ArgumentException($"mask band '{maskBand}' is not in the cube (bands: {string.Join(", ", cube.Bands)})");
        }
        DateOnly? start = origin is null ? null
            : DateOnly.TryParseExact(origin, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var o) ? o
            : throw new ArgumentException($"origin '{origin}' is not a date yyyy-MM-dd");
        var timeline = RegularTimeline.Covering(cube.Dates, periodDays, start);
        var mask = new QualityMask(maskClasses);
        var compositor = new Compositor(cube.Dates, timeline, composite,
            composite == CompositeMethod.LeastCloudy ? MaskedShare(cube, maskIndex, mask, block) : null);
        var outBands = Enumerable.Range(0, cube.Bands.Count).Where(b => b != maskIndex).ToArray();
        int dates = cube.Dates.Count, k = timeline.Dates.Count, perPixel = cube.ValuesPerPixel;

        Directory.CreateDirectory(outputFolder);
        var staging = Directory.CreateDirectory(Path.Combine(outputFolder, $".regularising-{Environment.ProcessId}")).FullName;
        var names = new string[outBands.Length, k];
        var writers = new IRasterWriter[outBands.Length, k];
        try
        {
            for (int b = 0; b < outBands.Length; b++)
                for (int t = 0; t < k; t++)
                {
                    names[b, t] = $"{prefix}_{cube.Bands[outBands[b]]}_{timeline.Dates[t]:yyyy-MM-dd}.tif";
                    writers[b, t] = io.Create(new RasterCreation(Path.Combine(staging, names[b, t]), cube.Grid, 1, RasterDataType.Float32, double.NaN, Tile: 256));
                }
            using var reader = new CubeWindowReader(io, cube);
            var series = new float[dates];
            var maskSeries = new float[dates];
            var regular = new float[k];
            for (int y = 0; y < cube.Height; y += block)
                for (int x = 0; x < cube.Width; x += block)
                {
                    int w = Math.Min(block, cube.Width - x), h = Math.Min(block, cube.Height - y), n = w * h;
                    var values = new float[n * perPixel];
                    reader.Read(x, y, w, h, values);
                    var planes = new float[outBands.Length * k][];
                    for (int i = 0; i < planes.Length; i++) planes[i] = new float[n];
                    for (int p = 0; p < n; p++)
                    {
                        if (maskIndex >= 0) MaskSeries(cube, values.AsSpan(p * perPixel + maskIndex * dates, dates), maskSeries);
                        for (int b = 0; b < outBands.Length; b++)
                        {
                            values.AsSpan(p * perPixel + outBands[b] * dates, dates).CopyTo(series);
                            if (maskIndex >= 0) mask.Apply(series, maskSeries);
                            compositor.Composite(series, regular);
                            for (int t = 0; t < k; t++) planes[b * k + t][p] = regular[t];
                        }
                    }
                    for (int b = 0; b < outBands.Length; b++)
                        for (int t = 0; t < k; t++) writers[b, t].Write(1, x, y, w, h, planes[b * k + t]);
                }
        }
        catch
        {
            // Nothing half-written is left behind: the staged files are removed, the output keeps what it had.
            foreach (var wr in writers)
                try { wr?.Dispose(); } catch (IOException) { }
            try { Directory.Delete(staging, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
        foreach (var wr in writers) wr.Dispose();
        foreach (var name in names) File.Move(Path.Combine(staging, name), Path.Combine(outputFolder, name), overwrite: true);
        Directory.Delete(staging, recursive: true);
        return timeline.Dates;
    }

    /// <summary>A pixel's mask band as stored classes: the cube's scale and offset undone.</summary>
    static void MaskSeries(RasterCube cube, ReadOnlySpan<float> physical, Span<float> classes)
    {
        for (int d = 0; d < physical.Length; d++)
            classes[d] = float.IsNaN(physical[d]) ? physical[d] : (float)((physical[d] - cube.Offset) / cube.Scale);
    }

    /// <summary>
    /// Per date, the share of the tile's pixels that are masked (by the mask band's classes) or, without a mask band,
    /// nodata in the first band — least-cloudy's ranking, as sits ranks a tile's images by their cloud cover.
    /// </summary>
    static double[] MaskedShare(RasterCube cube, int maskIndex, QualityMask mask, int block)
    {
        int dates = cube.Dates.Count, perPixel = cube.ValuesPerPixel, band = maskIndex >= 0 ? maskIndex : 0;
        var masked = new long[dates];
        var classes = new float[dates];
        using var reader = new CubeWindowReader(GdalRasterFiles.Instance, cube);
        for (int y = 0; y < cube.Height; y += block)
            for (int x = 0; x < cube.Width; x += block)
            {
                int w = Math.Min(block, cube.Width - x), h = Math.Min(block, cube.Height - y);
                var values = new float[w * h * perPixel];
                reader.Read(x, y, w, h, values);
                for (int p = 0; p < w * h; p++)
                {
                    var series = values.AsSpan(p * perPixel + band * dates, dates);
                    if (maskIndex >= 0) MaskSeries(cube, series, classes);
                    for (int d = 0; d < dates; d++)
                        if (maskIndex >= 0 ? mask.Masks(classes[d]) : float.IsNaN(series[d])) masked[d]++;
                }
            }
        double pixels = (double)cube.Width * cube.Height;
        return masked.Select(m => m / pixels).ToArray();
    }

    /// <summary>
    /// The same for a folder cube, with the cube parameters' usual names (for `lstmfcn cube regularize` and specs):
    /// <paramref name="pattern"/> and <paramref name="dateFormat"/> as cube-points takes them; scale and offset applied.
    /// </summary>
    public static IReadOnlyList<DateOnly> RegulariseFolder(string cubeFolder, string pattern, string dateFormat, double scale, double offset,
        string? maskBand, IReadOnlyList<int> maskClasses, int periodDays, string? origin, string method, string outputFolder, string prefix)
    {
        var naming = CubeParameters.Naming(pattern, dateFormat, "regularize");
        if (!Directory.Exists(cubeFolder)) throw new DirectoryNotFoundException($"{cubeFolder}: cube folder not found");
        var files = Directory.GetFiles(cubeFolder, "*.tif").Order(StringComparer.Ordinal).ToList();
        var cube = RasterCube.Open(GdalRasterFiles.Instance, files, naming, Array.Empty<string>(), scale, offset, cubeFolder);
        return Regularise(cube, maskBand, maskClasses, periodDays, origin, method, outputFolder, prefix);
    }
}
