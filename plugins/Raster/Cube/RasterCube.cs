using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Cube;

/// <summary>
/// A raster data cube: one single-band GeoTIFF per (band, date), all on one grid. Every file is checked when the cube
/// is opened — same size, geotransform and CRS; every band on the same dates; no (band, date) twice — and a broken
/// rule names the file.
/// </summary>
public sealed class RasterCube
{
    RasterCube(IReadOnlyList<string> bands, IReadOnlyList<DateOnly> dates, string[,] files, RasterGrid grid,
        double?[,] noData, double scale, double offset)
    {
        Bands = bands;
        Dates = dates;
        _files = files;
        Grid = grid;
        _noData = noData;
        Scale = scale;
        Offset = offset;
    }

    readonly string[,] _files;
    readonly double?[,] _noData;

    public IReadOnlyList<string> Bands { get; }
    public IReadOnlyList<DateOnly> Dates { get; }
    public RasterGrid Grid { get; }
    /// <summary>Physical value = stored value × scale + offset (e.g. MODIS NDVI stored × 10 000: scale 0.0001).</summary>
    public double Scale { get; }
    public double Offset { get; }
    public string File(int band, int date) => _files[band, date];
    public double? NoData(int band, int date) => _noData[band, date];
    public int Width => Grid.Width;
    public int Height => Grid.Height;
    /// <summary>Values per pixel: bands × dates, band-major like a multichannel series.</summary>
    public int ValuesPerPixel => Bands.Count * Dates.Count;

    public IEnumerable<string> AllFiles()
    {
        for (int b = 0; b < Bands.Count; b++)
            for (int d = 0; d < Dates.Count; d++) yield return _files[b, d];
    }

    /// <param name="files">Candidate files (the folder's rasters or an explicit list).</param>
    /// <param name="bands">Bands to use, in this channel order; empty = every band found, in name order.</param>
    public static RasterCube Open(IRasterFiles io, IReadOnlyList<string> files, CubeFileName naming,
        IReadOnlyList<string> bands, double scale, double offset, string describedAs)
    {
        if (files.Count == 0) throw new InvalidDataException($"{describedAs}: no raster files found");
        return FromFiles(io, ByBand(files, naming), bands, scale, offset, describedAs);
    }

    /// <summary>The files by band and date, from their names (no file is opened); a name off the pattern or a (band, date) twice is an error naming the file.</summary>
    public static SortedDictionary<string, SortedDictionary<DateOnly, string>> ByBand(IReadOnlyList<string> files, CubeFileName naming)
    {
        var byBand = new SortedDictionary<string, SortedDictionary<DateOnly, string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!naming.TryParse(file, out var band, out var date, out var problem))
                throw new InvalidDataException($"{file}: file name does not follow the cube pattern: {problem}");
            if (!byBand.TryGetValue(band, out var dates)) byBand[band] = dates = new SortedDictionary<DateOnly, string>();
            if (dates.TryGetValue(date, out var other))
                throw new InvalidDataException($"{file}: band {band} on {date:yyyy-MM-dd} is also in {other}");
            dates[date] = file;
        }
        return byBand;
    }

    /// <summary>
    /// A cube from files already sorted by band and date (a STAC source's assets, or parsed file names): the same
    /// checks as <see cref="Open"/> — every band on the same dates, every file one band on one grid.
    /// </summary>
    public static RasterCube FromFiles(IRasterFiles io, IReadOnlyDictionary<string, SortedDictionary<DateOnly, string>> byBand,
        IReadOnlyList<string> bands, double scale, double offset, string describedAs)
    {
        if (byBand.Count == 0) throw new InvalidDataException($"{describedAs}: no raster files found");
        var chosen = bands.Count > 0 ? bands.ToList() : byBand.Keys.Order(StringComparer.Ordinal).ToList();
        foreach (var b in chosen)
            if (!byBand.ContainsKey(b))
                throw new InvalidDataException($"{describedAs}: band '{b}' is not in the cube (bands found: {string.Join(", ", byBand.Keys)})");

        var timeline = byBand[chosen[0]].Keys.ToList();
        foreach (var b in chosen.Skip(1))
        {
            var other = byBand[b].Keys.ToList();
            var missing = timeline.Except(other).ToList();
            var extra = other.Except(timeline).ToList();
            if (missing.Count > 0)
                throw new InvalidDataException($"{describedAs}: band {b} has no file for {missing[0]:yyyy-MM-dd} (band {chosen[0]} has; expected one per date)");
            if (extra.Count > 0)
                throw new InvalidDataException($"{byBand[b][extra[0]]}: band {b} has a date ({extra[0]:yyyy-MM-dd}) that band {chosen[0]} lacks");
        }

        var paths = new string[chosen.Count, timeline.Count];
        var noData = new double?[chosen.Count, timeline.Count];
        RasterGrid? grid = null;
        string? first = null;
        for (int b = 0; b < chosen.Count; b++)
            for (int d = 0; d < timeline.Count; d++)
            {
                var path = byBand[chosen[b]][timeline[d]];
                using var reader = io.Open(path);
                if (reader.BandCount != 1)
                    throw new InvalidDataException($"{path}: has {reader.BandCount} bands; a cube file holds one band of one date");
                if (grid is null) { grid = reader.Grid; first = path; }
                else if (!grid.Matches(reader.Grid, out var difference))
                    throw new InvalidDataException($"{path}: {difference} (as in {first}); every file of a cube must share one grid");
                paths[b, d] = path;
                noData[b, d] = reader.NoData(1);
            }
        return new RasterCube(chosen, timeline, paths, grid!, noData, scale, offset);
    }
}
