using TorchSharp;
using static TorchSharp.torch;

namespace LstmFcn.Torch;

/// <summary>
/// (Compiled into every torch plugin.) The running mean of a network's floating-point state over the epochs it is
/// shown: stochastic weight averaging (Izmailov et al. 2018). The mean of the weights a constant learning rate
/// visits lies nearer the centre of a wide minimum than any one of them, which generalises better on small training
/// sets. Integer buffers (batch norm's step counter) are not averaged; batch-norm statistics of the averaged weights
/// should be re-estimated afterwards.
/// </summary>
sealed class WeightAverage : IDisposable
{
    readonly Dictionary<string, Tensor> _mean = new();

    /// <summary>How many states the mean holds.</summary>
    public int Count { get; private set; }

    /// <summary>The mean so far, by state name (for checkpoints; owned by this object).</summary>
    public IReadOnlyDictionary<string, Tensor> Mean => _mean;

    /// <summary>Adds <paramref name="state"/> (a module's state_dict) to the mean.</summary>
    public void Add(IEnumerable<KeyValuePair<string, Tensor>> state)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        Count++;
        foreach (var (name, value) in state)
        {
            if (!value.is_floating_point()) continue;
            if (_mean.TryGetValue(name, out var mean)) mean.add_((value - mean) / Count);
            else _mean[name] = value.detach().clone().MoveToOuterDisposeScope();
        }
    }

    /// <summary>Writes the mean into the matching entries of <paramref name="state"/>; other entries are left as they are.</summary>
    public void CopyInto(IEnumerable<KeyValuePair<string, Tensor>> state)
    {
        if (Count == 0) throw new InvalidOperationException("no weights have been averaged yet");
        using var _ = no_grad();
        foreach (var (name, value) in state)
            if (_mean.TryGetValue(name, out var mean)) value.copy_(mean);
    }

    /// <summary>Continues from a mean saved with its count (a resumed run); takes ownership of the tensors.</summary>
    public void Restore(IReadOnlyDictionary<string, Tensor> mean, int count)
    {
        Clear();
        foreach (var (name, value) in mean) _mean[name] = value;
        Count = count;
    }

    /// <summary>Forgets the mean (a round that kept it is over).</summary>
    public void Clear()
    {
        foreach (var t in _mean.Values) t.Dispose();
        _mean.Clear();
        Count = 0;
    }

    public void Dispose() => Clear();
}
