using LstmFcn.Pipeline;
using LstmFcn.Plugins.Raster.Gdal;
using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>
/// <c>cube-uncertainty</c> (sits_uncertainty): per pixel, entropy of the class probabilities (normalised by ln k),
/// least confidence (1 − max p) or margin (1 − (p₁ − p₂)); all in [0, 1], stored UInt16 × 1e-4.
/// </summary>
public sealed class CubeUncertaintyReporter : IReporterPlugin
{
    public string Name => "cube-uncertainty";
    public string Description => "uncertainty map (entropy, least confidence or margin) of the probability map (sits_uncertainty)";

    public IReadOnlyList<ParameterSpec> Parameters { get; } = new[]
    {
        ParameterSpec.Text("map", "map", "folder in the run directory holding the maps"),
        ParameterSpec.Choice("type", "entropy", "uncertainty measure", "entropy", "least", "margin"),
        ParameterSpec.Choice("from", "auto", "probabilities to measure: smoothed, probabilities, or auto (smoothed when present)", "auto", "smoothed", "probabilities"),
        ParameterSpec.Int("block", 512, "block side in pixels", min: 16),
    };

    public static float Measure(ReadOnlySpan<float> p, string type)
    {
        switch (type)
        {
            case "entropy":
                double h = 0;
                foreach (var v in p) if (v > 0) h -= v * Math.Log(v);
                return (float)(p.Length > 1 ? h / Math.Log(p.Length) : 0);
            case "least":
                float max = 0;
                foreach (var v in p) max = Math.Max(max, v);
                return 1 - max;
            default:
                float first = 0, second = 0;
                foreach (var v in p)
                {
                    if (v > first) { second = first; first = v; }
                    else if (v > second) second = v;
                }
                return 1 - (first - second);
        }
    }

    public void Report(RunOutcome outcome, PluginArguments args, RunContext context)
    {
        var io = GdalRasterFiles.Instance;
        var folder = MapLayout.Folder(context.RunDirectory, args.GetString("map"));
        var inputPath = MapLayout.ProbabilityInput(folder, args.GetString("from"));
        using var input = new ProbabilityMapReader(io, inputPath);
        var type = args.GetString("type");
        int k = input.Classes.Count;
        var grid = input.Grid;
        var final = Path.Combine(folder, MapLayout.Uncertainty);
        var temp = final + ".partial";
        using (var writer = io.Create(new RasterCreation(temp, grid, 1, RasterDataType.UInt16, MapLayout.ProbabilityNoData)))
        {
            var pixel = new float[k];
            foreach (var block in Block.Tile(grid.Width, grid.Height, args.GetInt("block")))
            {
                var probabilities = input.Read(block.X, block.Y, block.Width, block.Height);
                var output = new ushort[block.Pixels];
                for (int i = 0; i < block.Pixels; i++)
                {
                    for (int c = 0; c < k; c++) pixel[c] = probabilities[c * block.Pixels + i];
                    output[i] = float.IsNaN(pixel[0]) ? MapLayout.ProbabilityNoData : MapLayout.EncodeProbability(Measure(pixel, type));
                }
                writer.Write(1, block.X, block.Y, block.Width, block.Height, output);
            }
            writer.SetBandDescription(1, $"{type} uncertainty");
            writer.SetScale(1, MapLayout.ProbabilityScale, 0);
            writer.BuildOverviews("AVERAGE", MapLayout.OverviewFactors(grid.Width, grid.Height));
        }
        MapLayout.Publish(temp, final);
        context.Log.Info($"Wrote {final} ({type}, from {Path.GetFileName(inputPath)})");
    }
}
