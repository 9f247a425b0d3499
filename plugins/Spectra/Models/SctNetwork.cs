using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using LstmFcn.Torch;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>
/// Convolutional SCT attention (Sun et al. 2021) and, without the temporal branch, SC attention.
/// Main branch on each spectrum (1, N): Conv1 64×k5 stride 2 + BN + ReLU + MaxPool 2 → Conv2 8×k5 + BN + ReLU +
/// MaxPool 2 → FC to 256 + LayerNorm, giving (8, 256); spatial attention (2 heads, d_k = d_v = 128) and channel
/// attention (learned α) in parallel, added; Conv3 (LayerNorm, 1×1 conv 8 → 1, BN, ReLU) → (1, 256).
/// Temporal branch on the sequence (L, N): FC to 256 + positional encoding, 8-head self-attention across the L spectra,
/// residual, Conv4 (LayerNorm, 1×1 conv, BN, ReLU) → (L, 1, 256). Branches added, residual feed-forward (256 → 512 →
/// 256), FC → 1 logit. For N = 4023: 1 953 353 parameters (SCT), 659 525 (SC), as the paper's Table 1.
/// </summary>
public sealed class SctNetwork : SpectraNetwork
{
    const int Embedding = 256, Channels = 8;
    readonly Conv1d conv1, conv2;
    readonly HeldScalarBatchNorm1d bn1, bn2;
    readonly Linear embed;
    readonly LayerNorm embed_norm;
    readonly SpatialAttention spatial;
    readonly ChannelAttention channel;
    readonly PointwiseReduce conv3;
    readonly Linear? temporal_embed;
    readonly SelfAttention? temporal;
    readonly PointwiseReduce? conv4;
    readonly FeedForward feed_forward;
    readonly Linear head;
    readonly bool _temporal;

    public SctNetwork(int length, bool temporal) : base(temporal ? "sct_attention" : "sc_attention", length)
    {
        _temporal = temporal;
        conv1 = Conv1d(1, 64, 5, stride: 2);
        bn1 = new HeldScalarBatchNorm1d(64);
        conv2 = Conv1d(64, Channels, 5);
        bn2 = new HeldScalarBatchNorm1d(Channels);
        int reduced = ((length - 5) / 2 + 1) / 2;       // after conv1 (valid, stride 2) and pool 2
        reduced = (reduced - 4) / 2;                     // after conv2 (valid) and pool 2
        if (reduced < 1) throw new ArgumentException($"spectra of {length} points are too short for the SC/SCT convolutions (need ≥ 23)");
        embed = Linear(reduced, Embedding);
        embed_norm = LayerNorm(Embedding);
        spatial = new SpatialAttention("spatial", Embedding, heads: 2);
        channel = new ChannelAttention("channel", Channels);
        conv3 = new PointwiseReduce("conv3", Channels, Embedding);
        if (temporal)
        {
            temporal_embed = Linear(length, Embedding);
            this.temporal = new SelfAttention("temporal", Embedding, heads: 8);
            conv4 = new PointwiseReduce("conv4", 1, Embedding);
        }
        feed_forward = new FeedForward("feed_forward", Embedding, 2 * Embedding);
        head = Linear(Embedding, 1);
        RegisterComponents();
    }

    public override bool IsSequence => _temporal;

    public override Tensor Logits(Tensor spectra, Tensor positions, AttentionCapture? capture)
    {
        using var scope = NewDisposeScope();
        long l = spectra.shape[0];
        var x = spectra.unsqueeze(1);                                                                     // (L, 1, N)
        x = functional.max_pool1d(functional.relu(bn1.forward(conv1.forward(x))), 2);
        x = functional.max_pool1d(functional.relu(bn2.forward(conv2.forward(x))), 2);                     // (L, 8, n)
        var e = embed_norm.forward(embed.forward(x));                                                     // (L, 8, 256)
        var y = conv3.forward(spatial.Attend(e, capture) + channel.Attend(e, capture));                  // (L, 1, 256)
        if (_temporal)
        {
            var t = temporal_embed!.forward(spectra) + PositionalEncoding.Of(positions, Embedding);       // (L, 256)
            var sequence = t.unsqueeze(0);                                                                // (1, L, 256)
            sequence = sequence + temporal!.Attend(sequence, out var attention);
            if (capture is not null) capture.Temporal = attention[0].mean(new long[] { 0 }).detach().MoveToOuterDisposeScope();
            y = y + conv4!.forward(sequence.view(l, 1, Embedding));
        }
        y = feed_forward.forward(y);
        if (capture is not null)
        {
            // The maps were made inside this scope: hand them to the caller's.
            capture.Spatial?.MoveToOuterDisposeScope();
            capture.Channel?.MoveToOuterDisposeScope();
            capture.Temporal?.MoveToOuterDisposeScope();
        }
        return head.forward(y).view(l).MoveToOuterDisposeScope();
    }
}
