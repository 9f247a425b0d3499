using static TorchSharp.torch;

namespace LstmFcn.Torch;

/// <summary>One batch: the network's input, the targets, and positions for networks that encode them.</summary>
public sealed record TrainingBatch(Tensor Input, Tensor Target, Tensor? Positions = null)
{
    public long Size => Input.shape[0];
}
