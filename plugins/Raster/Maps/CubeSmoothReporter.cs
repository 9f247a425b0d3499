using System.Globalization;
using LstmFcn.Pipeline;
using LstmFcn.Plugins.Raster.Gdal;
using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Maps;

/// <summary><c>cube-smooth</c> (sits_smooth): Bayesian smoothing of the probability map, block by block with overlap.</summary>
public sealed class CubeSmoothReporter : IReporterPlugin
{
    public string Name => "cube-smooth";
    public string Description => "Bayesian spatial smoothing of the probability map (sits_smooth) → probabilities-smoothed.tif";

    public IReadOnlyList<ParameterSpec> Parameters { get; } = new[]
    {
        ParameterSpec.Text("map", "map", "folder in the run directory holding the maps"),
        ParameterSpec.Int("window", 9, "neighbourhood side in pixels (odd)", min: 3),
        ParameterSpec.Number("neighbourhood_fraction", 0.5, "fraction of the neighbours with the highest logits used for the prior", min: 0.01, max: 1),
        new ParameterSpec("smoothness", ParameterType.NumberList, "σ² of the logits, one value or one per class (sits default 20)") { Default = new List<double> { 20.0 } },
        ParameterSpec.Int("block", 512, "block side in pixels", min: 16),
    };

    public void Report(RunOutcome outcome, PluginArguments args, RunContext context)
    {
        var io = GdalRasterFiles.Instance;
        var folder = MapLayout.Folder(context.RunDirectory, args.GetString("map"));
        using var input = new ProbabilityMapReader(io, MapLayout.ProbabilityInput(folder, "probabilities"));
        int k = input.Classes.Count, window = args.GetInt("window");
        if (window % 2 == 0) throw new ArgumentException($"cube-smooth.window must be odd, found {window}");
        var smoothness = args.GetNumberList("smoothness");
        if (smoothness.Count != 1 && smoothness.Count != k)
            throw new ArgumentException($"cube-smooth.smoothness: give one value or one per class ({k}: {string.Join(", ", input.Classes)}), found {smoothness.Count}");
        var smoother = new BayesianSmoothing(window, args.GetDouble("neighbourhood_fraction"),
            smoothness.Count == 1 ? Enumerable.Repeat(smoothness[0], k).ToList() : smoothness);

        var grid = input.Grid;
        var blocks = Block.Tile(grid.Width, grid.Height, args.GetInt("block"));
        var final = Path.Combine(folder, MapLayout.Smoothed);
        var temp = final + ".partial";
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
                $"bayes window={window} fraction={args.GetDouble("neighbourhood_fraction")} smoothness={string.Join("/", smoothness)}"));
            writer.BuildOverviews("AVERAGE", MapLayout.OverviewFactors(grid.Width, grid.Height));
        }
        MapLayout.Publish(temp, final);
        context.Log.Info($"Wrote {final}");
    }
}
