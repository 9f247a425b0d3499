namespace LstmFcn.Pipeline.Tests.Support;

/// <summary>
/// Specs that train torch models run one at a time, and only once every other spec has finished. Two reasons:
/// libtorch keeps one default generator and one intra-op thread count per process, so parallel trainings would reseed,
/// draw from or re-thread each other mid-run and the exact-equality determinism specs would fail by timing; and
/// TorchSharp frees the temporary <c>Scalar</c> of an op like <c>t.add_(1)</c> from its finalizer, which a garbage
/// collection started by another busy thread can run while the native op still reads it (seen here once as
/// "For integral input tensors, argument alpha must not be a floating point number" inside a BatchNorm). The CLI runs
/// one pipeline per process with no other busy thread, so the product does not meet either in practice.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LibTorchCollection
{
    public const string Name = "libtorch (one process-wide generator and thread pool)";
}
