using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LstmFcn.Torch;

/// <summary>
/// (Compiled into every torch plugin that normalises batches.) TorchSharp's BatchNorm1d, with one difference: the
/// running-statistics counter is advanced with scalars held for the life of the process. TorchSharp's own
/// <c>num_batches_tracked.add_(1)</c> makes two temporary <c>Scalar</c>s that only their finalizer frees; a garbage
/// collection started by another thread during the native call can free them while libtorch still reads them (seen
/// as "For integral input tensors, argument alpha must not be a floating point number"). Parameter and buffer names
/// are BatchNorm1d's, so saved weights load either way.
/// </summary>
sealed class HeldScalarBatchNorm1d : BatchNorm
{
    static readonly Scalar One = 1L.ToScalar();

    public HeldScalarBatchNorm1d(long features, double eps = 1e-5, double momentum = 0.1)
        : base(features, eps, momentum, affine: true, track_running_stats: true, device: null, dtype: null, name: "BatchNorm1d")
    {
    }

    public override Tensor forward(Tensor input)
    {
        ValidateInputDimensions(input);
        return Normalise(input);
    }

    /// <summary>(B, C) or (B, C, L), as BatchNorm1d accepts; an image goes through <see cref="Normalise"/>.</summary>
    protected override void ValidateInputDimensions(Tensor input)
    {
        if (input.ndim != 2 && input.ndim != 3)
            throw new ArgumentException($"expected 2D or 3D input (got {input.ndim}D input)");
    }

    /// <summary>The same step on an input of any rank with channels in dimension 1 (e.g. a (B, C, 1, T) image).</summary>
    public Tensor Normalise(Tensor input)
    {
        double factor = momentum ?? 0.0;
        if (training && track_running_stats && num_batches_tracked is not null)
        {
            using (no_grad()) num_batches_tracked.add_(One, One);
            if (momentum is null) factor = 1.0 / num_batches_tracked.item<long>(); // cumulative average
        }
        bool batchStatistics = training || running_mean is null || running_var is null;
        bool passRunning = !training || track_running_stats;
        return nn.functional.batch_norm(input, passRunning ? running_mean : null, passRunning ? running_var : null,
            weight, bias, batchStatistics, factor, eps);
    }
}
