using System.Globalization;
using LstmFcn.Pipeline;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>
/// How a dataset becomes ordered sequences of spectra for the sequence networks. Training: the original spectra in
/// dataset order form one sequence, and the k-th noisy copy of every original (the <c>augment</c> step's
/// <c>augmented_from</c> metadata) forms sequence k — so each sequence is the labelled shots of the experiment in
/// order (31 in the paper), never a mix of copies of one shot. Prediction: the whole dataset is one sequence (349).
/// </summary>
static class SpectraSequences
{
    public static List<int[]> Training(TimeSeriesDataset train)
    {
        var originals = new List<int>();
        var copies = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < train.Count; i++)
        {
            var s = train.Samples[i];
            if (s.Metadata.TryGetValue("augmented_from", out var source))
            {
                if (!copies.TryGetValue(source, out var list)) copies[source] = list = new List<int>();
                list.Add(i);
            }
            else originals.Add(i);
        }
        var sequences = new List<int[]> { originals.ToArray() };
        int rounds = copies.Count == 0 ? 0 : copies.Values.Max(l => l.Count);
        for (int k = 0; k < rounds; k++)
        {
            var sequence = new List<int>();
            foreach (var o in originals)
                if (copies.TryGetValue(train.Samples[o].Id, out var list) && k < list.Count) sequence.Add(list[k]);
            if (sequence.Count > 0) sequences.Add(sequence.ToArray());
        }
        int covered = sequences.Sum(s => s.Length);
        if (covered != train.Count)
            throw new InvalidDataException($"{train.Count - covered} augmented spectra name a source that is not in the training set");
        return sequences;
    }

    /// <summary>
    /// Positions of the spectra for the positional encoding: their order in the sequence (the paper) or their place in
    /// the experiment (the loader's <c>index</c> metadata), which means the same thing in training and at test.
    /// </summary>
    public static Tensor Positions(TimeSeriesDataset data, IReadOnlyList<int> indices, bool experiment, Device device)
    {
        var positions = new long[indices.Count];
        for (int i = 0; i < indices.Count; i++)
        {
            if (!experiment) { positions[i] = i; continue; }
            var s = data.Samples[indices[i]];
            if (!s.Metadata.TryGetValue("index", out var text) || !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out positions[i]))
                throw new InvalidDataException($"spectrum '{s.Id}' has no 'index' metadata (set by xy-spectra) for positions: experiment");
        }
        return tensor(positions, device: device);
    }

    /// <summary>Spectra (L, N) and labels (L, as 0/1 floats) of the chosen samples.</summary>
    public static (Tensor Spectra, Tensor Labels) Tensors(TimeSeriesDataset data, IReadOnlyList<int> indices, int length, Device device)
    {
        var values = new float[(long)indices.Count * length];
        var labels = new float[indices.Count];
        for (int i = 0; i < indices.Count; i++)
        {
            var s = data.Samples[indices[i]];
            if (s.Channels != 1 || s.Length != length)
                throw new InvalidDataException($"spectrum '{s.Id}' has {s.Channels} channel(s) × {s.Length} points; the network takes 1 × {length}");
            s.Values.CopyTo(values, (long)i * length);
            labels[i] = Math.Max(0, s.Label);
        }
        return (tensor(values, new long[] { indices.Count, length }, device: device), tensor(labels, device: device));
    }
}
