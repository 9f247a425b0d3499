using LstmFcn.Plugins.Deep.Network;
using LstmFcn.Torch;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Deep.Training;

/// <summary>
/// Class-weighted cross-entropy with Keras' class_weight semantics (mean over the batch of weight[label] ·
/// cross-entropy), label smoothing in training only.
/// </summary>
public sealed class ClassifierObjective(ClassifierNetwork network, Tensor classWeights, double labelSmoothing) : ITrainingObjective
{
    public Tensor Logits(TrainingBatch batch) => network.forward(batch.Input);

    public Tensor Loss(Tensor logits, Tensor target, bool training)
    {
        var perSample = nn.functional.cross_entropy(logits, target, reduction: nn.Reduction.None,
            label_smoothing: training ? labelSmoothing : 0.0);
        return (perSample * classWeights.index_select(0, target)).mean();
    }

    public Tensor Correct(Tensor logits, Tensor target) => logits.argmax(1).eq(target).sum();
}
