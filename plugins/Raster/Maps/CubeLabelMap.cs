using LstmFcn.Pipeline;
using LstmFcn.Pipeline.Files;
using LstmFcn.Plugins.Raster.Gdal;
using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>
/// <c>cube-label</c> (sits_label_classification): the most probable class of every pixel → a UInt8 class GeoTIFF with
/// a colour table and category names and a QGIS style beside it (QGIS shows the legend), nodata 255 for masked
/// pixels, overviews by mode, and a quicklook PNG with a legend.
/// </summary>
public sealed class CubeLabelMap : MapPlugin<CubeLabelMap.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("probabilities to label: probabilities (cube-classify's) or smoothed (cube-smooth's; the map stage checks an earlier step writes them)")]
        public MapLayout.Source From { get; init; } = MapLayout.Source.Probabilities;

        [Parameter("block side in pixels", Min = 16, Max = 16384)]
        public int Block { get; init; } = 512;

        [Parameter("also write quicklook.png (map with legend)")]
        public bool Quicklook { get; init; } = true;
    }

    public override string Name => "cube-label";
    public override string Description => "class map from the probability map (sits_label_classification) → classes.tif + quicklook.png";

    protected override IReadOnlyList<string> Reads(Options options) => [MapLayout.Product(options.From)];
    protected override IReadOnlyList<string> Writes(Options options) => [MapProducts.Classes];

    protected override void Run(MapStageInput stage, Options options, RunContext context)
    {
        var io = GdalRasterFiles.Instance;
        var folder = stage.Folder;
        var inputPath = MapLayout.ProbabilityInput(folder, options.From);
        using var input = new ProbabilityMapReader(io, inputPath);
        int k = input.Classes.Count;
        if (k > 255) throw new InvalidDataException($"{inputPath}: {k} classes do not fit a UInt8 class map");
        var grid = input.Grid;
        var colours = ClassPalette.For(input.Classes);
        bool preview = options.Quicklook;
        // The preview keeps at most 800 × 800 labels in memory whatever the map size.
        int step = Math.Max(1, (int)Math.Ceiling(Math.Max(grid.Width, grid.Height) / 800.0));
        int previewW = (grid.Width + step - 1) / step, previewH = (grid.Height + step - 1) / step;
        var previewLabels = preview ? new byte[previewW * previewH] : Array.Empty<byte>();
        var counts = new long[k];

        var final = Path.Combine(folder, MapLayout.Classes);
        MapLayout.Write(final, temp =>
        {
            using (var writer = io.Create(new RasterCreation(temp, grid, 1, RasterDataType.Byte, MapLayout.ClassNoData)))
            {
                foreach (var block in Block.Tile(grid.Width, grid.Height, options.Block))
                {
                    context.Cancellation.ThrowIfCancellationRequested();
                    var probabilities = input.Read(block.X, block.Y, block.Width, block.Height);
                    var labels = new byte[block.Pixels];
                    for (int i = 0; i < block.Pixels; i++)
                    {
                        if (float.IsNaN(probabilities[i])) { labels[i] = MapLayout.ClassNoData; continue; }
                        int best = 0;
                        for (int c = 1; c < k; c++) if (probabilities[c * block.Pixels + i] > probabilities[best * block.Pixels + i]) best = c;
                        labels[i] = (byte)best;
                        counts[best]++;
                    }
                    writer.Write(1, block.X, block.Y, block.Width, block.Height, labels);
                    if (preview)
                        for (int y = 0; y < block.Height; y++)
                        {
                            int gy = block.Y + y;
                            if (gy % step != 0) continue;
                            for (int x = 0; x < block.Width; x++)
                            {
                                int gx = block.X + x;
                                if (gx % step == 0) previewLabels[gy / step * previewW + gx / step] = labels[y * block.Width + x];
                            }
                        }
                }
                writer.SetBandDescription(1, "class");
                writer.SetColorTable(1, colours);
                writer.SetCategoryNames(1, input.Classes);
                writer.SetMetadata("LSTMFCN_CLASSES", string.Join(",", input.Classes));
                writer.BuildOverviews("MODE", MapLayout.OverviewFactors(grid.Width, grid.Height));
            }
        });
        long total = counts.Sum();
        // QGIS picks up a .qml beside a raster of the same name: the legend without this product.
        QgisStyle.Write(Path.ChangeExtension(final, ".qml"), input.Classes, colours, firstCode: 0);
        context.Log.Table("class map", new[] { "class", "pixels", "share" },
            input.Classes.Select((n, c) => (IReadOnlyList<string>)new[] { n, counts[c].ToString(), total == 0 ? "0" : (counts[c] / (double)total).ToString("P1") }).ToList());
        context.Log.Info($"Wrote {final} (from {Path.GetFileName(inputPath)})");

        if (preview)
        {
            var (rgb, w, h) = Quicklook.Render(previewLabels, previewW, previewH, input.Classes, colours,
                $"{stage.PipelineName} ({Path.GetFileNameWithoutExtension(inputPath)})");
            var png = Path.Combine(folder, MapLayout.Quicklook);
            AtomicFile.WriteVia(png, temp =>
            {
                io.WritePng(temp, w, h, rgb);
                if (File.Exists(temp + ".aux.xml")) File.Delete(temp + ".aux.xml"); // GDAL's PNG sidecar says nothing a viewer needs
            });
            context.Log.Info($"Wrote {png}");
        }
    }
}
