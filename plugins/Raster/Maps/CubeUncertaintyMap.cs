using LstmFcn.Pipeline;
using LstmFcn.Plugins.Raster.Gdal;
using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>
/// <c>cube-uncertainty</c> (sits_uncertainty): per pixel, entropy of the class probabilities (normalised by ln k),
/// least confidence (1 − max p) or margin (1 − (p₁ − p₂)); all in [0, 1], stored UInt16 × 1e-4.
/// </summary>
public sealed class CubeUncertaintyMap : MapPlugin<CubeUncertaintyMap.Options>
{
    public enum Measure { Entropy, Least, Margin }

    public sealed record Options : PluginOptions
    {
        [Parameter("uncertainty measure")]
        public Measure Type { get; init; } = Measure.Entropy;

        [Parameter("probabilities to measure: probabilities (cube-classify's) or smoothed (cube-smooth's)")]
        public MapLayout.Source From { get; init; } = MapLayout.Source.Probabilities;

        [Parameter("block side in pixels", Min = 16, Max = 16384)]
        public int Block { get; init; } = 512;
    }

    public override string Name => "cube-uncertainty";
    public override string Description => "uncertainty map (entropy, least confidence or margin) of the probability map (sits_uncertainty)";

    protected override IReadOnlyList<string> Reads(Options options) => [MapLayout.Product(options.From)];
    protected override IReadOnlyList<string> Writes(Options options) => [MapProducts.Uncertainty];

    public static float Of(ReadOnlySpan<float> p, Measure type)
    {
        switch (type)
        {
            case Measure.Entropy:
                double h = 0;
                foreach (var v in p) if (v > 0) h -= v * Math.Log(v);
                return (float)(p.Length > 1 ? h / Math.Log(p.Length) : 0);
            case Measure.Least:
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

    protected override void Run(MapStageInput stage, Options options, RunContext context)
    {
        var io = GdalRasterFiles.Instance;
        var folder = stage.Folder;
        var inputPath = MapLayout.ProbabilityInput(folder, options.From);
        using var input = new ProbabilityMapReader(io, inputPath);
        var type = options.Type;
        int k = input.Classes.Count;
        var grid = input.Grid;
        var final = Path.Combine(folder, MapLayout.Uncertainty);
        MapLayout.Write(final, temp =>
        {
            using (var writer = io.Create(new RasterCreation(temp, grid, 1, RasterDataType.UInt16, MapLayout.ProbabilityNoData)))
            {
                var pixel = new float[k];
                foreach (var block in Block.Tile(grid.Width, grid.Height, options.Block))
                {
                    var probabilities = input.Read(block.X, block.Y, block.Width, block.Height);
                    var output = new ushort[block.Pixels];
                    for (int i = 0; i < block.Pixels; i++)
                    {
                        for (int c = 0; c < k; c++) pixel[c] = probabilities[c * block.Pixels + i];
                        output[i] = float.IsNaN(pixel[0]) ? MapLayout.ProbabilityNoData : MapLayout.EncodeProbability(Of(pixel, type));
                    }
                    writer.Write(1, block.X, block.Y, block.Width, block.Height, output);
                }
                writer.SetBandDescription(1, $"{type.ToString().ToLowerInvariant()} uncertainty");
                writer.SetScale(1, MapLayout.ProbabilityScale, 0);
                writer.BuildOverviews("AVERAGE", MapLayout.OverviewFactors(grid.Width, grid.Height));
            }
        });
        context.Log.Info($"Wrote {final} ({type.ToString().ToLowerInvariant()}, from {Path.GetFileName(inputPath)})");
    }
}
