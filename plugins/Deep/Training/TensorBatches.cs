using LstmFcn.Pipeline;
using LstmFcn.Torch;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Deep.Training;

/// <summary>
/// Batches of a dataset moved once into tensors: an epoch's order is a permutation drawn from the run's
/// "batch-order" stream at (round, epoch), sent to the device at once, and batches are slices of it; when one batch
/// holds everything its order changes nothing batch norm sees, so no shuffle copy is made.
/// </summary>
public sealed class TensorBatches(TensorData data) : ITrainingBatches
{
    Tensor? _order;
    int _batchSize;

    public int Count => data.Count;

    public int StartEpoch(int seed, int round, int epoch, int batchSize)
    {
        _batchSize = Math.Min(batchSize, data.Count);
        if (data.Count <= batchSize) { _order = null; return 1; }
        var order = new long[data.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        RandomStreams.For(seed, "batch-order", round, epoch).Shuffle(order);
        // Made inside the trainer's epoch scope, so it lives until the epoch ends.
        _order = tensor(order).to(data.Inputs.device);
        return (data.Count + batchSize - 1) / batchSize;
    }

    public TrainingBatch Batch(int index)
    {
        if (_order is null) return new TrainingBatch(data.Inputs, data.Labels);
        int start = index * _batchSize, size = Math.Min(_batchSize, data.Count - start);
        var slice = _order.narrow(0, start, size);
        return new TrainingBatch(data.Inputs.index_select(0, slice), data.Labels.index_select(0, slice));
    }
}
