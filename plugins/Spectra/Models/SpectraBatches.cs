using LstmFcn.Pipeline;
using LstmFcn.Torch;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>
/// Training batches of spectra: for a sequence network each batch is one ordered sequence (<see cref="SpectraSequences"/>),
/// for the others a chunk of shuffled spectra; an epoch's order comes from the run's "batch-order" stream at (round,
/// epoch). Tensors are built per batch from the dataset.
/// </summary>
sealed class SpectraBatches(TimeSeriesDataset train, bool sequenceNetwork, int length, bool experimentPositions, Device device) : ITrainingBatches
{
    readonly List<int[]> _sequences = sequenceNetwork ? SpectraSequences.Training(train) : [];
    List<int[]> _epoch = [];

    public int Count => train.Count;
    public int SequenceCount => _sequences.Count;
    public IEnumerable<int> SequenceLengths => _sequences.Select(s => s.Length);

    public int StartEpoch(int seed, int round, int epoch, int batchSize)
    {
        var random = RandomStreams.For(seed, "batch-order", round, epoch);
        if (sequenceNetwork)
        {
            _epoch = _sequences.ToList();
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_epoch));
        }
        else
        {
            var order = new int[train.Count];
            for (int i = 0; i < order.Length; i++) order[i] = i;
            random.Shuffle(order);
            _epoch = order.Chunk(Math.Max(1, Math.Min(batchSize, order.Length))).ToList();
        }
        return _epoch.Count;
    }

    public TrainingBatch Batch(int index)
    {
        var indices = _epoch[index];
        var (x, y) = SpectraSequences.Tensors(train, indices, length, device);
        return new TrainingBatch(x, y, SpectraSequences.Positions(train, indices, experimentPositions, device));
    }
}
