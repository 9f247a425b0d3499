using LstmFcn.Torch;
using LstmFcn.Pipeline.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The batch normalisation the torch plugins use is TorchSharp's BatchNorm1d step for step (outputs, running
/// statistics, the batch counter, the cumulative average of a null momentum), with the same parameter names, so
/// weights saved by either load into the other.
/// </summary>
[Collection(LibTorchCollection.Name)]
public sealed class HeldScalarBatchNormSpecs
{
    [Theory]
    [InlineData(0.01)]
    [InlineData(null)]
    public void It_computes_what_BatchNorm1d_computes_in_training_and_evaluation(double? momentum)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(7);
        var reference = nn.BatchNorm1d(6, eps: 1e-3, momentum: 0.01);
        var held = new HeldScalarBatchNorm1d(6, eps: 1e-3, momentum: 0.01);
        reference.momentum = momentum;
        held.momentum = momentum;
        using (no_grad())
        {
            reference.weight!.uniform_(0.5, 1.5, generator);
            reference.bias!.uniform_(-0.5, 0.5, generator);
        }
        held.load_state_dict(reference.state_dict());

        for (int step = 0; step < 3; step++)
        {
            var x = randn(new long[] { 5, 6, 9 }, generator: generator) * (step + 1) + step;
            Assert.True(Same(reference.forward(x), held.forward(x)), $"training output, step {step}");
        }
        Assert.True(Same(reference.running_mean!, held.running_mean!));
        Assert.True(Same(reference.running_var!, held.running_var!));
        Assert.Equal(3L, held.num_batches_tracked!.item<long>());

        reference.eval();
        held.eval();
        var test = randn(new long[] { 4, 6, 9 }, generator: generator);
        Assert.True(Same(reference.forward(test), held.forward(test)), "evaluation output");
        Assert.Equal(reference.state_dict().Keys.OrderBy(k => k), held.state_dict().Keys.OrderBy(k => k));
    }

    static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    [Fact]
    public void An_image_with_channels_in_dimension_one_is_normalised_like_the_series_it_holds()
    {
        using var scope = NewDisposeScope();
        var series = new HeldScalarBatchNorm1d(4);
        var image = new HeldScalarBatchNorm1d(4);
        var x = randn(new long[] { 3, 4, 11 }, generator: new Generator(3));

        var fromSeries = series.forward(x);
        var fromImage = image.Normalise(x.permute(0, 2, 1).contiguous().permute(0, 2, 1).unsqueeze(2)).squeeze(2);

        Assert.True(fromSeries.allclose(fromImage, rtol: 1e-5, atol: 1e-6));
        Assert.True(series.running_var!.allclose(image.running_var!, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void It_refuses_a_rank_BatchNorm1d_refuses()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<ArgumentException>(() => new HeldScalarBatchNorm1d(4).forward(zeros(2, 4, 1, 5)));
        Assert.Contains("expected 2D or 3D input", ex.Message);
    }
}
