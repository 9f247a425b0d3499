using TorchSharp;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Deep.Network;

/// <summary>
/// A (B, C, T) → (B, K) logits classifier that the deep trainer can fit, save and load: its options rebuild it
/// before the weights are read back.
/// </summary>
public abstract class ClassifierNetwork : nn.Module<Tensor, Tensor>
{
    protected ClassifierNetwork(string name, NetworkOptions options) : base(name) => Options = options;

    public NetworkOptions Options { get; }

    public override Tensor forward(Tensor x) => Forward(x, captureAttention: false).Logits;

    /// <summary>Logits, plus attention weights and context values where the network has an attention LSTM.</summary>
    public abstract (Tensor Logits, Tensor? Alpha, Tensor? Context) Forward(Tensor x, bool captureAttention);

    /// <summary>Why this network has no class activation maps, or null when <see cref="ClassActivationMaps"/> works.</summary>
    public abstract string? ClassActivationUnavailableReason { get; }

    /// <summary>(B, K, T) class activation maps.</summary>
    public virtual Tensor ClassActivationMaps(Tensor x) =>
        throw new InvalidOperationException($"no class activation maps: {ClassActivationUnavailableReason}");

    public static ClassifierNetwork Create(NetworkOptions options) => options.Architecture switch
    {
        NetworkArchitecture.LstmFcn => new LstmFcnNetwork(options),
        NetworkArchitecture.CnnLstm => new CnnLstmNetwork(options),
        NetworkArchitecture.ResidualCnn => new ResidualCnnNetwork(options),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Architecture, "unknown network architecture"),
    };
}
