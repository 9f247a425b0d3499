using System.Globalization;
using LstmFcn.Pipeline;
using LstmFcn.Plugins.Raster.Gdal;
using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Maps;

/// <summary><c>cube-smooth</c> (sits_smooth): Bayesian smoothing of the probability map, block by block with overlap.</summary>
public sealed class CubeSmoothMap : MapPlugin<CubeSmoothMap.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("neighbourhood side in pixels (odd)", Min = 3, Max = 255)]
        public int Window { get; init; } = 9;

        [Parameter("fraction of the neighbours with the highest logits used for the prior", Min = 0.01, Max = 1)]
        public double NeighbourhoodFraction { get; init; } = 0.5;

        [Parameter("σ² of the logits, one value or one per class (sits default 20)", Min = 1e-6, Max = 1e6)]
        public IReadOnlyList<double> Smoothness { get; init; } = [20.0];

        [Parameter("block side in pixels", Min = 16, Max = 16384)]
        public int Block { get; init; } = 512;

        public override IEnumerable<OptionProblem> Validate()
        {
            if (Window % 2 == 0) yield return new("window", $"the window must be odd (a pixel in its centre), found {Window}");
            if (Smoothness.Count == 0) yield return new("smoothness", "give one value, or one per class");
        }
    }

    public override string Name => "cube-smooth";
    public override string Description => "Bayesian spatial smoothing of the probability map (sits_smooth) → probabilities-smoothed.tif";

    protected override IReadOnlyList<string> Reads(Options options) => [MapProducts.Probabilities];
    protected override IReadOnlyList<string> Writes(Options options) => [MapProducts.Smoothed];

    protected override void Run(MapStageInput stage, Options options, RunContext context)
    {
        var io = GdalRasterFiles.Instance;
        var folder = stage.Folder;
        using var input = new ProbabilityMapReader(io, MapLayout.ProbabilityInput(folder, MapLayout.Source.Probabilities));
        int k = input.Classes.Count, window = options.Window;
        var smoothness = options.Smoothness;
        if (smoothness.Count != 1 && smoothness.Count != k)
            throw new ArgumentException($"cube-smooth.smoothness: give one value or one per class ({k}: {string.Join(", ", input.Classes)}), found {smoothness.Count}");
        var smoother = new BayesianSmoothing(window, options.NeighbourhoodFraction,
            smoothness.Count == 1 ? Enumerable.Repeat(smoothness[0], k).ToList() : smoothness);

        var grid = input.Grid;
        var blocks = Block.Tile(grid.Width, grid.Height, options.Block);
        var final = Path.Combine(folder, MapLayout.Smoothed);
        MapLayout.Write(final, temp =>
        {
            using (var bar = context.Progress.Start($"smoothing {blocks.Count} blocks", blocks.Count))
            using (var writer = io.Create(new RasterCreation(temp, grid, k, RasterDataType.UInt16, MapLayout.ProbabilityNoData)))
            {
                var encoded = new ushort[0];
                foreach (var block in blocks)
                {
                    context.Cancellation.ThrowIfCancellationRequested();
                    int x0 = Math.Max(0, block.X - smoother.Leg), y0 = Math.Max(0, block.Y - smoother.Leg);
                    int x1 = Math.Min(grid.Width, block.X + block.Width + smoother.Leg), y1 = Math.Min(grid.Height, block.Y + block.Height + smoother.Leg);
                    var source = input.Read(x0, y0, x1 - x0, y1 - y0);
                    var smoothed = smoother.Smooth(source, x0, y0, x1 - x0, y1 - y0, block, grid.Width, grid.Height, k);
                    if (encoded.Length < block.Pixels) encoded = new ushort[block.Pixels];
                    for (int c = 0; c < k; c++)
                    {
                        for (int i = 0; i < block.Pixels; i++)
                        {
                            float p = smoothed[c * block.Pixels + i];
                            encoded[i] = float.IsNaN(p) ? MapLayout.ProbabilityNoData : MapLayout.EncodeProbability(p);
                        }
                        writer.Write(c + 1, block.X, block.Y, block.Width, block.Height, encoded.AsSpan(0, block.Pixels));
                    }
                    bar.Report(block.Index + 1);
                }
                for (int c = 0; c < k; c++)
                {
                    writer.SetBandDescription(c + 1, input.Classes[c]);
                    writer.SetScale(c + 1, MapLayout.ProbabilityScale, 0);
                }
                writer.SetMetadata("LSTMFCN_SMOOTHING", string.Create(CultureInfo.InvariantCulture,
                    $"bayes window={window} fraction={options.NeighbourhoodFraction} smoothness={string.Join("/", smoothness)}"));
                writer.BuildOverviews("AVERAGE", MapLayout.OverviewFactors(grid.Width, grid.Height));
            }
        });
        context.Log.Info($"Wrote {final}");
    }
}
