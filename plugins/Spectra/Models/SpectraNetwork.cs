using TorchSharp;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>
/// A binary spectra classifier: spectra (L, N) → one logit per spectrum (L); sigmoid gives P(second class).
/// Sequence networks (<see cref="IsSequence"/>) also look across the L spectra of a call, which are one ordered
/// sequence of an experiment (31 labelled shots in training, all 349 at test); <c>positions</c> (L) place them in it.
/// Other networks treat the L spectra independently and ignore positions.
/// </summary>
public abstract class SpectraNetwork : nn.Module<Tensor, Tensor>
{
    protected SpectraNetwork(string name, int length) : base(name) => Length = length;

    public int Length { get; }
    public abstract bool IsSequence { get; }

    public abstract Tensor Logits(Tensor spectra, Tensor positions, AttentionCapture? capture);

    public override Tensor forward(Tensor spectra)
    {
        using var positions = arange(spectra.shape[0], device: spectra.device);
        return Logits(spectra, positions, null);
    }

    /// <summary>Trainable parameters (the figure of the paper's Table 1).</summary>
    public long TrainableParameters() => parameters().Where(p => p.requires_grad).Sum(p => p.numel());

    /// <summary>The networks by plugin name; every one is built for spectra of <paramref name="length"/> points.</summary>
    public static SpectraNetwork Create(string model, int length) => model switch
    {
        "sct-attention" => new SctNetwork(length, temporal: true),
        "sc-attention" => new SctNetwork(length, temporal: false),
        "spectra-fcnn" => new FcnnNetwork(length),
        "spectra-cnn" => new CnnNetwork(length),
        "spectra-resnet" => new MultiScaleResNet(length),
        "spectra-lstm" => new LstmNetwork(length),
        "spectra-transformer" => new TransformerNetwork(length),
        _ => throw new ArgumentException($"unknown spectra network '{model}'"),
    };
}
