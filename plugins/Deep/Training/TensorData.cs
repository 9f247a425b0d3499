using LstmFcn.Pipeline;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Deep.Training;

/// <summary>A dataset moved once into tensors (B, C, T) and labels (B), so batches are index selections, not copies from managed memory.</summary>
public sealed class TensorData : IDisposable
{
    public TensorData(Tensor inputs, Tensor labels, int count)
    {
        Inputs = inputs;
        Labels = labels;
        Count = count;
    }

    public Tensor Inputs { get; }
    public Tensor Labels { get; }
    public int Count { get; }

    public static TensorData From(TimeSeriesDataset data, IReadOnlyList<int> indices, Device device)
    {
        int channels = data.Channels, length = data.MaxLength;
        var values = new float[(long)indices.Count * channels * length];
        var labels = new long[indices.Count];
        for (int i = 0; i < indices.Count; i++)
        {
            var s = data.Samples[indices[i]];
            if (s.Length != length)
                throw new InvalidDataException(
                    $"series '{s.Id}' has length {s.Length}, others {length}: LSTM-FCN needs one length (add a fixed-length step)");
            s.Values.CopyTo(values, (long)i * channels * length);
            labels[i] = Math.Max(0, s.Label);
        }
        var x = tensor(values, new long[] { indices.Count, channels, length }).to(device);
        var y = tensor(labels).to(device);
        return new TensorData(x, y, indices.Count);
    }

    public static TensorData From(TimeSeriesDataset data, Device device) =>
        From(data, Enumerable.Range(0, data.Count).ToArray(), device);

    public void Dispose()
    {
        Inputs.Dispose();
        Labels.Dispose();
    }
}
