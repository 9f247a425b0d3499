using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The shipped HED pipelines (one per model of Sun et al. 2021) are valid, share one data layout and differ only in
/// the model: pointing them at real .xy files means changing the data path alone.
/// </summary>
[Collection(LibTorchCollection.Name)]
public sealed class HedPipelineSpecs
{
    [Theory]
    [InlineData("hed-sct.yaml", "sct-attention")]
    [InlineData("hed-sc.yaml", "sc-attention")]
    [InlineData("hed-fcnn.yaml", "spectra-fcnn")]
    [InlineData("hed-cnn.yaml", "spectra-cnn")]
    [InlineData("hed-resnet.yaml", "spectra-resnet")]
    [InlineData("hed-lstm.yaml", "spectra-lstm")]
    [InlineData("hed-transformer.yaml", "spectra-transformer")]
    public void Shipped_hed_pipelines_are_valid_and_read_the_synthetic_folder(string file, string model)
    {
        // Resolving checks that the data folder exists; samples/HedSynthetic writes it (an empty one does here).
        var synthetic = Path.Combine(Repo.Root, "runs", "hed-synthetic");
        bool made = !Directory.Exists(synthetic);
        Directory.CreateDirectory(synthetic);
        ResolvedPipeline p;
        try
        {
            p = PipelineFiles.Resolve(Path.Combine(Repo.Pipelines, file));
        }
        finally
        {
            if (made) Directory.Delete(synthetic);
        }

        Assert.Equal(model, p.Model!.Plugin.Name);
        Assert.Equal("xy-spectra", p.Loader.Plugin.Name);
        Assert.Equal(Path.Combine(Repo.Root, "runs", "hed-synthetic"), p.Loader.Arguments.GetString("data"));
        Assert.Equal(31, p.Loader.Arguments.GetIntList("train_indices").Count);
        Assert.Equal(new[] { "two-theta-crop", "als-baseline", "spectrum-scale", "augment" }, p.Preprocess.Select(s => s.Plugin.Name));
        Assert.Equal(new[] { "metrics", "phase-confidence", "spectra-insight" }, p.Report.Select(s => s.Plugin.Name));
    }
}
