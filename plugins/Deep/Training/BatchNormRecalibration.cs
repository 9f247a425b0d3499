using LstmFcn.Plugins.Deep.Network;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Deep.Training;

/// <summary>
/// Recomputes every batch-norm layer's running mean and variance as the exact average over the training set for the
/// weights that are kept ("precise BN"). Why: with Keras' momentum 0.99 and one batch per epoch (small UCR sets) the
/// running averages still mix in statistics of much earlier weights — and of the initial (0, 1) — after hundreds of
/// epochs, so evaluation-mode predictions lag behind the network. The paper's 2000 epochs hide this; short runs and
/// restored best weights do not. Only statistics change; no weight is touched.
/// </summary>
public static class BatchNormRecalibration
{
    public static void Run(ClassifierNetwork network, TensorData train, int batchSize)
    {
        var norms = network.modules().OfType<NormBase>().ToList();
        if (norms.Count == 0) return;
        var momenta = norms.Select(n => n.momentum).ToList();
        foreach (var n in norms)
        {
            n.reset_running_stats();
            n.momentum = null; // cumulative average over the batches below
        }
        network.train();
        using (no_grad())
        {
            for (int start = 0; start < train.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                int size = Math.Min(batchSize, train.Count - start);
                network.forward(train.Inputs.narrow(0, start, size));
            }
        }
        for (int i = 0; i < norms.Count; i++) norms[i].momentum = momenta[i];
        network.eval();
    }
}
