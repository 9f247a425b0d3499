using static TorchSharp.torch;

namespace LstmFcn.Torch;

/// <summary>What a network is trained for: its forward pass on a batch, the loss, and how many predictions are right.</summary>
public interface ITrainingObjective
{
    Tensor Logits(TrainingBatch batch);

    /// <summary>The mean loss of a batch; <paramref name="training"/> is false for validation (no label smoothing there).</summary>
    Tensor Loss(Tensor logits, Tensor target, bool training);

    /// <summary>The number of right predictions in a batch (an int64 scalar tensor).</summary>
    Tensor Correct(Tensor logits, Tensor target);
}
