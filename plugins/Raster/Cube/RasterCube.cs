using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Cube;

/// <summary>
/// A raster data cube: every band on every date of one grid, stored as one single-band GeoTIFF per (band, date) or as
/// one multi-band GeoTIFF per date. Every file is checked when the cube is opened — same size, geotransform and CRS;
/// every band on the same dates; no (band, date) twice — and a broken rule names the file.
/// </summary>
public sealed class RasterCube
{
    RasterCube(IReadOnlyList<string> bands, IReadOnlyList<DateOnly> dates, CubeLayer[,] layers, RasterGrid grid,
        double?[,] noData, double scale, double offset)
    {
        Bands = bands;
        Dates = dates;
        _layers = layers;
        Grid = grid;
        _noData = noData;
        Scale = scale;
        Offset = offset;
    }

    readonly CubeLayer[,] _layers;
    readonly double?[,] _noData;

    public IReadOnlyList<string> Bands { get; }
    public IReadOnlyList<DateOnly> Dates { get; }
    public RasterGrid Grid { get; }
    /// <summary>Physical value = stored value × scale + offset (e.g. MODIS NDVI stored × 10 000: scale 0.0001).</summary>
    public double Scale { get; }
    public double Offset { get; }
    public CubeLayer Layer(int band, int date) => _layers[band, date];
    public string File(int band, int date) => _layers[band, date].Path;
    public double? NoData(int band, int date) => _noData[band, date];
    public int Width => Grid.Width;
    public int Height => Grid.Height;
    /// <summary>Values per pixel: bands × dates, band-major like a multichannel series.</summary>
    public int ValuesPerPixel => Bands.Count * Dates.Count;

    /// <summary>The cube's files, each once (a multi-band file holds several layers).</summary>
    public IEnumerable<string> AllFiles()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int b = 0; b < Bands.Count; b++)
            for (int d = 0; d < Dates.Count; d++)
                if (seen.Add(_layers[b, d].Path)) yield return _layers[b, d].Path;
    }

    /// <param name="files">Candidate files (the folder's rasters or an explicit list).</param>
    /// <param name="bands">Bands to use, in this channel order; empty = every band found, in name order.</param>
    /// <param name="bandNames">Multi-band files (a pattern without <c>{band}</c>): their bands' names in band order;
    /// empty = the files' band descriptions.</param>
    public static RasterCube Open(IRasterFiles io, IReadOnlyList<string> files, CubeFileName naming,
        IReadOnlyList<string> bands, double scale, double offset, string describedAs, IReadOnlyList<string>? bandNames = null)
    {
        if (files.Count == 0) throw new InvalidDataException($"{describedAs}: no raster files found");
        return FromLayers(io, Layers(io, files, naming, bandNames ?? []), bands, scale, offset, describedAs, singleBandFiles: naming.HasBand);
    }

    /// <summary>
    /// The files by band and date (for <c>cube describe</c>): from their names alone when the pattern names the band;
    /// multi-band files are opened for their band names.
    /// </summary>
    public static SortedDictionary<string, SortedDictionary<DateOnly, string>> ByBand(IRasterFiles io, IReadOnlyList<string> files,
        CubeFileName naming, IReadOnlyList<string> bandNames)
    {
        var byBand = new SortedDictionary<string, SortedDictionary<DateOnly, string>>(StringComparer.Ordinal);
        foreach (var (band, dates) in Layers(io, files, naming, bandNames))
            byBand[band] = new SortedDictionary<DateOnly, string>(dates.ToDictionary(d => d.Key, d => d.Value.Path));
        return byBand;
    }

    /// <summary>Each band's layer on each date; a name off the pattern or a (band, date) twice is an error naming the file.</summary>
    static SortedDictionary<string, SortedDictionary<DateOnly, CubeLayer>> Layers(IRasterFiles io, IReadOnlyList<string> files,
        CubeFileName naming, IReadOnlyList<string> bandNames)
    {
        var byBand = new SortedDictionary<string, SortedDictionary<DateOnly, CubeLayer>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!naming.TryParse(file, out var band, out var date, out var problem))
                throw new InvalidDataException($"{file}: file name does not follow the cube pattern: {problem}");
            var names = naming.HasBand ? [band] : BandsInside(io, file, bandNames);
            for (int i = 0; i < names.Count; i++)
            {
                if (!byBand.TryGetValue(names[i], out var dates)) byBand[names[i]] = dates = new SortedDictionary<DateOnly, CubeLayer>();
                if (dates.TryGetValue(date, out var other))
                    throw new InvalidDataException($"{file}: band {names[i]} on {date:yyyy-MM-dd} is also in {other.Path}");
                dates[date] = new CubeLayer(file, naming.HasBand ? 1 : i + 1);
            }
        }
        return byBand;
    }

    /// <summary>The names of a multi-band file's bands: the ones given (as many as it has), else its band descriptions.</summary>
    static IReadOnlyList<string> BandsInside(IRasterFiles io, string file, IReadOnlyList<string> bandNames)
    {
        using var reader = io.Open(file);
        if (bandNames.Count > 0)
            return bandNames.Count == reader.BandCount ? bandNames
                : throw new InvalidDataException($"{file}: has {reader.BandCount} band(s), band_names names {bandNames.Count} ([{string.Join(", ", bandNames)}])");
        var names = Enumerable.Range(1, reader.BandCount).Select(b => reader.Description(b)?.Trim() ?? "").ToList();
        if (names.Any(n => n.Length == 0) || names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            throw new InvalidDataException($"{file}: its {reader.BandCount} band(s) carry no distinct names (band descriptions " +
                $"[{string.Join(", ", names)}]); give band_names, one per band in band order, or a pattern with {{band}} for one file per band");
        return names;
    }

    /// <summary>
    /// A cube from single-band files already sorted by band and date (a STAC source's assets): the same checks as
    /// <see cref="Open"/> — every band on the same dates, every file one band on one grid.
    /// </summary>
    public static RasterCube FromFiles(IRasterFiles io, IReadOnlyDictionary<string, SortedDictionary<DateOnly, string>> byBand,
        IReadOnlyList<string> bands, double scale, double offset, string describedAs) =>
        FromLayers(io, byBand.ToDictionary(kv => kv.Key, kv => new SortedDictionary<DateOnly, CubeLayer>(kv.Value.ToDictionary(f => f.Key, f => new CubeLayer(f.Value, 1)))),
            bands, scale, offset, describedAs, singleBandFiles: true);

    static RasterCube FromLayers(IRasterFiles io, IReadOnlyDictionary<string, SortedDictionary<DateOnly, CubeLayer>> byBand,
        IReadOnlyList<string> bands, double scale, double offset, string describedAs, bool singleBandFiles)
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
                throw new InvalidDataException($"{byBand[b][extra[0]].Path}: band {b} has a date ({extra[0]:yyyy-MM-dd}) that band {chosen[0]} lacks");
        }

        var layers = new CubeLayer[chosen.Count, timeline.Count];
        var noData = new double?[chosen.Count, timeline.Count];
        var opened = new Dictionary<string, IRasterReader>(StringComparer.Ordinal);
        RasterGrid? grid = null;
        string? first = null;
        try
        {
            for (int b = 0; b < chosen.Count; b++)
                for (int d = 0; d < timeline.Count; d++)
                {
                    var layer = byBand[chosen[b]][timeline[d]];
                    if (!opened.TryGetValue(layer.Path, out var reader))
                    {
                        opened[layer.Path] = reader = io.Open(layer.Path);
                        if (singleBandFiles && reader.BandCount != 1)
                            throw new InvalidDataException($"{layer.Path}: has {reader.BandCount} bands; with {{band}} in the pattern a cube file holds one band " +
                                "of one date (for one file per date holding every band, leave {band} out of the pattern and give band_names)");
                        if (grid is null) { grid = reader.Grid; first = layer.Path; }
                        else if (!grid.Matches(reader.Grid, out var difference))
                            throw new InvalidDataException($"{layer.Path}: {difference} (as in {first}); every file of a cube must share one grid");
                    }
                    layers[b, d] = layer;
                    noData[b, d] = reader.NoData(layer.Band);
                }
        }
        finally
        {
            foreach (var r in opened.Values) r.Dispose();
        }
        return new RasterCube(chosen, timeline, layers, grid!, noData, scale, offset);
    }
}
