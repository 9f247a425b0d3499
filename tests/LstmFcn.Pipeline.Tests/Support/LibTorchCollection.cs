namespace LstmFcn.Pipeline.Tests.Support;

/// <summary>
/// libtorch keeps one default random generator and one intra-op thread count per process. Specs that train torch
/// models in parallel would reseed, draw from or re-thread each other's runs mid-training, and the exact-equality
/// determinism specs would then fail by timing. The CLI runs one pipeline per process, so the product never meets
/// this; the specs that train torch models run one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LibTorchCollection
{
    public const string Name = "libtorch (one process-wide generator and thread pool)";
}
