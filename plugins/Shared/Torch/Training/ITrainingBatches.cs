namespace LstmFcn.Torch;

/// <summary>
/// The training (or validation) data as batches: the order of an epoch is a function of (seed, round, epoch) only, so
/// a resumed run and another process see the same batches. Tensors of a batch are created when it is asked for, inside
/// the trainer's per-batch dispose scope.
/// </summary>
public interface ITrainingBatches
{
    /// <summary>Samples in all.</summary>
    int Count { get; }

    /// <summary>Fixes the order of epoch (<paramref name="round"/>, <paramref name="epoch"/>) and returns its number of batches.</summary>
    int StartEpoch(int seed, int round, int epoch, int batchSize);

    /// <summary>Batch <paramref name="index"/> of the epoch last started.</summary>
    TrainingBatch Batch(int index);
}
