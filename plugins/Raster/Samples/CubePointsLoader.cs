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
public sealed class CubePointsLoader : ILoaderPlugin
{
    public string Name => "cube-points";
    public string Description => "labelled points' time series extracted from a GeoTIFF raster cube (as sits_get_data)";

    public IReadOnlyList<ParameterSpec> Parameters { get; } = CubeParameters.Specs().Concat(new[]
    {
        ParameterSpec.RequiredPath("points", "CSV of labelled points: coordinates, label, optional id, start_date, end_date"),
        ParameterSpec.OptionalPath("test_points", "CSV of test points in the same layout; leave out to only train (or cross-validate)"),
        ParameterSpec.Text("x_column", "longitude", "column of the x coordinate (longitude when crs is EPSG:4326)"),
        ParameterSpec.Text("y_column", "latitude", "column of the y coordinate (latitude when crs is EPSG:4326)"),
        ParameterSpec.Text("crs", "EPSG:4326", "CRS of the coordinates: EPSG:code, WKT, or 'cube' for the cube's own CRS"),
        ParameterSpec.Text("label_column", "label", "column of the class label"),
        ParameterSpec.Text("id_column", "id", "column of the point id (row number when absent)"),
    }).ToList();

    public DatasetSplit Load(PluginArguments args, RunContext context)
    {
        var io = GdalRasterFiles.Instance;
        var cube = CubeParameters.Open(args, io, Name);
        context.Log.Info($"Cube {args.GetString("cube")}: {cube.Width} × {cube.Height} px, bands {string.Join(", ", cube.Bands)}, " +
                         $"{cube.Dates.Count} dates {cube.Dates[0]:yyyy-MM-dd} … {cube.Dates[^1]:yyyy-MM-dd}");
        using var reader = new CubeWindowReader(io, cube);
        using var transform = args.GetString("crs") == "cube" ? null : io.Transform(args.GetString("crs"), cube.Grid.ProjectionWkt);

        var train = CsvTable.Read(args.GetString("points"));
        var test = args.GetOptionalString("test_points") is { } testPath ? CsvTable.Read(testPath) : null;
        var classes = ClassLabels.FromObserved(train.Rows.Select(r => r.Cells[train.Column(args.GetString("label_column"), "label_column")]));
        return new DatasetSplit(Extract(train, cube, reader, transform, classes, args, context),
            test is null ? new TimeSeriesDataset(Array.Empty<TimeSeriesSample>(), classes)
                : Extract(test, cube, reader, transform, classes, args, context));
    }

    static TimeSeriesDataset Extract(CsvTable table, RasterCube cube, CubeWindowReader reader, ICoordinateTransform? transform,
        ClassLabels classes, PluginArguments args, RunContext context)
    {
        int xCol = table.Column(args.GetString("x_column"), "x_column");
        int yCol = table.Column(args.GetString("y_column"), "y_column");
        int labelCol = table.Column(args.GetString("label_column"), "label_column");
        int? idCol = table.OptionalColumn(args.GetString("id_column"));
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
            ["bands"] = string.Join(",", cube.Bands),
            ["dates"] = string.Join(",", cube.Dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
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
