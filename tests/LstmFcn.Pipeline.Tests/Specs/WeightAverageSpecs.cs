using LstmFcn.Torch;
using LstmFcn.Pipeline.Tests.Support;
using static TorchSharp.torch;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// Stochastic weight averaging keeps the element-wise mean of the floating-point states it is shown, leaves integer
/// buffers alone, and continues exactly from a saved mean and count.
/// </summary>
[Collection(LibTorchCollection.Name)]
public sealed class WeightAverageSpecs
{
    static Dictionary<string, Tensor> State(float weight, long counter) => new()
    {
        ["conv.weight"] = tensor(new[] { weight, 2 * weight, -weight }),
        ["bn.num_batches_tracked"] = tensor(counter),
    };

    [Fact]
    public void It_keeps_the_mean_of_the_weights_and_leaves_integer_buffers_alone()
    {
        using var scope = NewDisposeScope();
        using var average = new WeightAverage();
        foreach (var w in new[] { 1f, 2f, 6f }) average.Add(State(w, counter: 10));

        var target = State(0, counter: 99);
        average.CopyInto(target);

        Assert.Equal(3, average.Count);
        Assert.Equal(new[] { 3f, 6f, -3f }, target["conv.weight"].data<float>().ToArray());
        Assert.Equal(99L, target["bn.num_batches_tracked"].item<long>());
        Assert.False(average.Mean.ContainsKey("bn.num_batches_tracked"));
    }

    [Fact]
    public void A_restored_mean_continues_as_if_it_had_never_been_saved()
    {
        using var scope = NewDisposeScope();
        using var straight = new WeightAverage();
        using var first = new WeightAverage();
        using var resumed = new WeightAverage();
        foreach (var w in new[] { 1f, 4f }) { straight.Add(State(w, 0)); first.Add(State(w, 0)); }
        resumed.Restore(first.Mean.ToDictionary(e => e.Key, e => e.Value.clone()), first.Count);
        straight.Add(State(7f, 0));
        resumed.Add(State(7f, 0));

        Assert.Equal(straight.Count, resumed.Count);
        Assert.Equal(straight.Mean["conv.weight"].data<float>().ToArray(), resumed.Mean["conv.weight"].data<float>().ToArray());
        Assert.Equal(new[] { 4f, 8f, -4f }, resumed.Mean["conv.weight"].data<float>().ToArray());
    }

    [Fact]
    public void Nothing_averaged_cannot_be_copied()
    {
        using var scope = NewDisposeScope();
        using var average = new WeightAverage();
        Assert.Throws<InvalidOperationException>(() => average.CopyInto(State(1, 0)));
    }
}
