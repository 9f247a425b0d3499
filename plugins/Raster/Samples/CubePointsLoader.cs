using System.Globalization;
using LstmFcn.Pipeline;
using LstmFcn.Plugins.Raster.Cube;
using LstmFcn.Plugins.Raster.Gdal;
using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Samples;

/// <summary>
/// <c>cube-points</c>: labelled points (lon/lat, or x/y in the cube's CRS) whose time series are read from a raster
/// cube — the pixel each point falls in, every band over the dates between the point's start and end date (all dates
/// when the table has none), nodata filled by linear interpolation in time.
/// </summary>
public sealed class CubePointsLoader : LoaderPlugin<CubePointsLoader.Options>, IDescribesCube, IRegularisesCube
{
    public IReadOnlyList<ParameterSpec> CubeParameterSpecs => OptionsSchema<CubeOptions>.Parameters;
    public IEnumerable<OptionProblem> CheckCube(PluginArguments arguments) => OptionsSchema<CubeOptions>.Check(arguments);
    public string DescribeCube(PluginArguments arguments) => CubeDescription.Describe(OptionsSchema<CubeOptions>.Bind(arguments), Name);

    public IReadOnlyList<DateOnly> RegulariseCube(PluginArguments arguments, CubeRegularisation r) =>
        Regularise.RegularCubeWriter.Regularise(CubeParameters.Open(OptionsSchema<CubeOptions>.Bind(arguments), GdalRasterFiles.Instance, Name),
            r.MaskBand, r.MaskClasses, r.PeriodDays, r.Origin, r.Method, r.OutputFolder, r.Prefix);

    public sealed record Options : CubeOptions
    {
        [Parameter("CSV of labelled points: coordinates, label, optional id, start_date, end_date", Required = true, Path = PathKind.ExistingFile)]
        public string Points { get; init; } = "";

        [Parameter("CSV of test points in the same layout; leave out to only train (or cross-validate)", Path = PathKind.ExistingFile)]
        public string? TestPoints { get; init; }

        [Parameter("column of the x coordinate (longitude when crs is EPSG:4326)")]
        public string XColumn { get; init; } = "longitude";

        [Parameter("column of the y coordinate (latitude when crs is EPSG:4326)")]
        public string YColumn { get; init; } = "latitude";

        [Parameter("CRS of the coordinates: EPSG:code, WKT, or 'cube' for the cube's own CRS")]
        public string Crs { get; init; } = "EPSG:4326";

        [Parameter("column of the class label")]
        public string LabelColumn { get; init; } = "label";

        [Parameter("column of the point id (row number when absent)")]
        public string IdColumn { get; init; } = "id";
    }

    public override string Name => "cube-points";
    public override string Description => "labelled points' time series extracted from a GeoTIFF raster cube (as sits_get_data)";

    protected override DatasetSplit Load(Options options, RunContext context)
    {
        var io = GdalRasterFiles.Instance;
        var cube = CubeParameters.Open(options, io, Name);
        context.Log.Info($"Cube {options.Cube}: {cube.Width} × {cube.Height} px, bands {string.Join(", ", cube.Bands)}, " +
                         $"{cube.Dates.Count} dates {cube.Dates[0]:yyyy-MM-dd} … {cube.Dates[^1]:yyyy-MM-dd}");
        using var reader = new CubeWindowReader(io, cube);
        using var transform = options.Crs == "cube" ? null : io.Transform(options.Crs, cube.Grid.ProjectionWkt);

        var train = PointTable.Read(options.Points);
        var test = options.TestPoints is { } testPath ? PointTable.Read(testPath) : null;
        var classes = ClassLabels.FromObserved(train.Rows.Select(r => r.Cells[train.Column(options.LabelColumn, "label_column")]));
        return new DatasetSplit(Extract(train, cube, reader, transform, classes, options, context),
            test is null ? new TimeSeriesDataset(Array.Empty<TimeSeriesSample>(), classes)
                : Extract(test, cube, reader, transform, classes, options, context));
    }

    static TimeSeriesDataset Extract(PointTable table, RasterCube cube, CubeWindowReader reader, ICoordinateTransform? transform,
        ClassLabels classes, Options options, RunContext context)
    {
        int xCol = table.Column(options.XColumn, "x_column");
        int yCol = table.Column(options.YColumn, "y_column");
        int labelCol = table.Column(options.LabelColumn, "label_column");
        int? idCol = table.OptionalColumn(options.IdColumn);
        int? startCol = table.OptionalColumn("start_date");
        int? endCol = table.OptionalColumn("end_date");
        var gaps = new TemporalGapFilling(cube.Dates);
        int bands = cube.Bands.Count, dates = cube.Dates.Count;
        var pixel = new float[cube.ValuesPerPixel];
        var samples = new List<TimeSeriesSample>(table.Rows.Count);

        for (int r = 0; r < table.Rows.Count; r++)
        {
            var (line, cells) = table.Rows[r];
            double x = table.Number(r, xCol), y = table.Number(r, yCol);
            var (mx, my) = transform?.Transform(x, y) ?? (x, y);
            var (colF, rowF) = cube.Grid.ToPixel(mx, my);
            int col = (int)Math.Floor(colF), row = (int)Math.Floor(rowF);
            if (col < 0 || row < 0 || col >= cube.Width || row >= cube.Height)
                throw new InvalidDataException($"{table.Path}:{line}: point ({x}, {y}) falls outside the cube (pixel {col}, {row} of {cube.Width} × {cube.Height})");
            var label = cells[labelCol];
            if (!classes.TryGetIndex(label, out var labelIndex))
                throw new InvalidDataException($"{table.Path}:{line}: label '{label}' does not occur in the training points ({string.Join(", ", classes.Names)})");

            reader.Read(col, row, 1, 1, pixel);
            int first = 0, last = dates - 1;
            if (startCol is { } sc && endCol is { } ec)
            {
                var start = table.Date(r, sc);
                var end = table.Date(r, ec);
                first = FirstOnOrAfter(cube.Dates, start);
                last = LastOnOrBefore(cube.Dates, end);
                if (last < first)
                    throw new InvalidDataException($"{table.Path}:{line}: no cube date between {start:yyyy-MM-dd} and {end:yyyy-MM-dd}");
            }
            int length = last - first + 1;
            var values = new float[bands * length];
            for (int b = 0; b < bands; b++)
            {
                pixel.AsSpan(b * dates + first, length).CopyTo(values.AsSpan(b * length, length));
                if (!gaps.Fill(values.AsSpan(b * length, length)))
                    throw new InvalidDataException($"{table.Path}:{line}: pixel ({col}, {row}) is nodata on every date of band {cube.Bands[b]}");
            }
            var id = idCol is { } ic ? cells[ic] : (r + 1).ToString(CultureInfo.InvariantCulture);
            samples.Add(new TimeSeriesSample(id, values, bands, labelIndex, new Dictionary<string, string>
            {
                ["x"] = x.ToString("R", CultureInfo.InvariantCulture),
                ["y"] = y.ToString("R", CultureInfo.InvariantCulture),
                ["col"] = col.ToString(CultureInfo.InvariantCulture),
                ["row"] = row.ToString(CultureInfo.InvariantCulture),
                ["start_date"] = cube.Dates[first].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["end_date"] = cube.Dates[last].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["source"] = table.Path,
            }));
        }
        context.Log.Info($"{table.Path}: {samples.Count} point(s) extracted");
        return new TimeSeriesDataset(samples, classes, new Dictionary<string, string>
        {
            // channels and times are what a saved model records of its training data (TrainingInput): a cube
            // classified later is checked against these bands and dates.
            ["channels"] = string.Join(",", cube.Bands),
            ["times"] = string.Join(",", cube.Dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        });
    }

    static int FirstOnOrAfter(IReadOnlyList<DateOnly> dates, DateOnly start)
    {
        for (int i = 0; i < dates.Count; i++) if (dates[i] >= start) return i;
        return dates.Count;
    }

    static int LastOnOrBefore(IReadOnlyList<DateOnly> dates, DateOnly end)
    {
        for (int i = dates.Count - 1; i >= 0; i--) if (dates[i] <= end) return i;
        return -1;
    }
}
