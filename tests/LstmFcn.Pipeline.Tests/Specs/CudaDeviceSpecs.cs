using System.Runtime.InteropServices;
using LstmFcn.Torch;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// On CUDA the torch plugins switch libtorch to deterministic kernels (deterministic algorithms in warn-only mode,
/// cuDNN's deterministic convolutions without autotuning, a fixed cuBLAS workspace), so the same seed on the same
/// device gives the same result there too. TorchSharp wraps neither the switch nor its getters, so the plugins call
/// libtorch's context directly; this specification reads the settings back through libtorch's own getters.
/// </summary>
[Collection(LibTorchCollection.Name)]
public sealed class CudaDeviceSpecs
{
    [Fact]
    public void Making_kernels_deterministic_sets_libtorchs_context_and_the_cublas_workspace()
    {
        var context = GlobalContext();
        Assert.False(DeterministicAlgorithms(context));
        try
        {
            CudaDevice.MakeDeterministic();

            Assert.True(DeterministicAlgorithms(context));
            Assert.True(DeterministicAlgorithmsWarnOnly(context));
            Assert.True(DeterministicCuDnn(context));
            Assert.False(BenchmarkCuDnn(context));
            Assert.Equal(":4096:8", Marshal.PtrToStringUTF8(getenv("CUBLAS_WORKSPACE_CONFIG")));
        }
        finally
        {
            CudaDevice.ResetDeterminism();
        }
        Assert.False(DeterministicAlgorithms(context));
        Assert.False(DeterministicCuDnn(context));
    }

    [DllImport("torch_cpu", EntryPoint = "_ZN2at13globalContextEv")]
    static extern IntPtr GlobalContext();

    [DllImport("torch_cpu", EntryPoint = "_ZNK2at7Context23deterministicAlgorithmsEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    static extern bool DeterministicAlgorithms(IntPtr context);

    [DllImport("torch_cpu", EntryPoint = "_ZNK2at7Context31deterministicAlgorithmsWarnOnlyEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    static extern bool DeterministicAlgorithmsWarnOnly(IntPtr context);

    [DllImport("torch_cpu", EntryPoint = "_ZNK2at7Context18deterministicCuDNNEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    static extern bool DeterministicCuDnn(IntPtr context);

    [DllImport("torch_cpu", EntryPoint = "_ZNK2at7Context14benchmarkCuDNNEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    static extern bool BenchmarkCuDnn(IntPtr context);

    [DllImport("libc")]
    static extern IntPtr getenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
