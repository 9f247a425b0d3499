using LstmFcn.Torch;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>One sigmoid unit trained with binary cross-entropy: P(second class) per spectrum.</summary>
sealed class SpectraObjective(SpectraNetwork network) : ITrainingObjective
{
    public Tensor Logits(TrainingBatch batch) => network.Logits(batch.Input, batch.Positions!, null);

    public Tensor Loss(Tensor logits, Tensor target, bool training) => nn.functional.binary_cross_entropy_with_logits(logits, target);

    public Tensor Correct(Tensor logits, Tensor target) => logits.gt(0).to_type(ScalarType.Float32).eq(target).sum();
}
