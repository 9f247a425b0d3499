namespace LstmFcn.Plugins.Spectra.Models;

/// <summary><c>spectra-resnet</c>: the paper's multi-scale ResNet.</summary>
public sealed class SpectraResNetPlugin : ComparisonSpectraPlugin
{
    public override string Name => "spectra-resnet";
    public override string Description => "multi-scale 1D ResNet baseline of Sun et al. 2021: kernels 3/5/7, 3 residual blocks per stream, streams added";
}
