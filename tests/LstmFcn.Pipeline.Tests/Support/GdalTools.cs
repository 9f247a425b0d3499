using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LstmFcn.Pipeline.Tests.Support;

/// <summary>GDAL's command-line tools (Debian's gdal-bin), used to make raster fixtures the specs then read.</summary>
public static class GdalTools
{
    public static void Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (install gdal-bin)");
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {err.Result}");
    }

    /// <summary>
    /// A UInt8 class map GeoTIFF like cube-label's (class names in LSTMFCN_CLASSES, nodata 255) from rows of class
    /// indices, north-up with square pixels of <paramref name="pixel"/> metres whose upper-left corner is (x0, y0).
    /// </summary>
    public static void ClassMap(string path, int[][] rows, IReadOnlyList<string> classes, double x0, double y0, double pixel, string crs)
    {
        var asc = new StringBuilder();
        int w = rows[0].Length, h = rows.Length;
        asc.Append(CultureInfo.InvariantCulture, $"ncols {w}\nnrows {h}\nxllcorner {x0}\nyllcorner {y0 - h * pixel}\ncellsize {pixel}\nNODATA_value 255\n");
        foreach (var r in rows) asc.Append(string.Join(' ', r)).Append('\n');
        var ascPath = path + ".asc";
        File.WriteAllText(ascPath, asc.ToString());
        Run("gdal_translate", "-q", "-ot", "Byte", "-a_srs", crs, "-a_nodata", "255", "-mo", "LSTMFCN_CLASSES=" + string.Join(',', classes), ascPath, path);
        File.Delete(ascPath);
    }

    /// <summary>A single-band GeoTIFF of <paramref name="type"/> (Float32, Byte …) from rows of values, as <see cref="ClassMap"/> places it.</summary>
    public static void Raster(string path, double[][] rows, string type, double x0, double y0, double pixel, string crs)
    {
        var asc = new StringBuilder();
        int w = rows[0].Length, h = rows.Length;
        asc.Append(CultureInfo.InvariantCulture, $"ncols {w}\nnrows {h}\nxllcorner {x0}\nyllcorner {y0 - h * pixel}\ncellsize {pixel}\n");
        foreach (var r in rows) asc.Append(string.Join(' ', r.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
        var ascPath = path + ".asc";
        File.WriteAllText(ascPath, asc.ToString());
        Run("gdal_translate", "-q", "-ot", type, "-a_srs", crs, ascPath, path);
        File.Delete(ascPath);
    }

    /// <summary>Points from one CRS to another by gdaltransform (x = easting or longitude).</summary>
    public static (double X, double Y)[] Transform(string sourceCrs, string targetCrs, params (double X, double Y)[] points)
    {
        var start = new ProcessStartInfo("gdaltransform") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in new[] { "-s_srs", sourceCrs, "-t_srs", targetCrs, "-output_xy" }) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        foreach (var (x, y) in points) p.StandardInput.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{x:R} {y:R}"));
        p.StandardInput.Close();
        var lines = p.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        p.WaitForExit();
        if (p.ExitCode != 0 || lines.Length != points.Length) throw new InvalidOperationException($"gdaltransform failed: {p.StandardError.ReadToEnd()}");
        return lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(v => (double.Parse(v[0], CultureInfo.InvariantCulture), double.Parse(v[1], CultureInfo.InvariantCulture))).ToArray();
    }

    /// <summary>The values of pixels (col, row) of band 1, by one gdallocationinfo -valonly -b 1; NaN for nodata.</summary>
    public static double[] Values(string path, params (int Col, int Row)[] pixels)
    {
        var start = new ProcessStartInfo("gdallocationinfo") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add("-valonly");
        start.ArgumentList.Add("-b");
        start.ArgumentList.Add("1");
        start.ArgumentList.Add(path);
        using var p = Process.Start(start)!;
        // Read while writing: many pixels fill the output pipe before the input is all written.
        var output = p.StandardOutput.ReadToEndAsync();
        foreach (var (c, r) in pixels) p.StandardInput.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c} {r}"));
        p.StandardInput.Close();
        var lines = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        p.WaitForExit();
        if (p.ExitCode != 0 || lines.Length != pixels.Length) throw new InvalidOperationException($"gdallocationinfo {path} failed: {p.StandardError.ReadToEnd()}");
        return lines.Select(t => t.Equals("nan", StringComparison.OrdinalIgnoreCase) ? double.NaN : double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>GDAL's own validator (python3-gdal, installed by build/setup.sh), run on a file: its verdict and report.</summary>
    public static (bool Valid, string Report) ValidateCog(string path)
    {
        var script = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_cloud_optimized_geotiff.py";
        if (!File.Exists(script)) throw new InvalidOperationException($"{script} is missing: build/setup.sh installs python3-gdal");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var report = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode == 0 && report.Contains("is a valid cloud optimized GeoTIFF"), report);
    }

    /// <summary>
    /// Every band's pixels as one digest (python3-gdal: shape, type and SHA-256 of the raw values), so two maps can be
    /// compared pixel for pixel whatever their metadata.
    /// </summary>
    public static string PixelDigest(string path)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import hashlib, sys\nfrom osgeo import gdal\na = gdal.Open(sys.argv[1]).ReadAsArray()\nprint(a.shape, a.dtype, hashlib.sha256(a.tobytes()).hexdigest())");
        start.ArgumentList.Add(path);
        using var p = Process.Start(start)!;
        var error = p.StandardError.ReadToEndAsync();
        var digest = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"reading {path} with python3-gdal failed: {error.Result}");
        return digest;
    }

    /// <summary>Every pixel of band 1, row by row (NaN for nodata).</summary>
    public static double[] AllValues(string path, int width, int height) =>
        Values(path, Enumerable.Range(0, height).SelectMany(r => Enumerable.Range(0, width).Select(c => (c, r))).ToArray());
}
