using TorchSharp;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Deep.Network;

/// <summary>Which network a <see cref="NetworkOptions"/> describes.</summary>
public enum NetworkArchitecture
{
    /// <summary>LSTM-FCN / ALSTM-FCN and their modern variant: FCN branch beside an LSTM branch.</summary>
    LstmFcn,
    /// <summary>Conv blocks with max-pooling, then an LSTM over the pooled sequence (the ECG seed report's network).</summary>
    CnnLstm,
    /// <summary>1-D residual CNN in the style of Hannun et al. 2019.</summary>
    ResidualCnn,
}

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
