using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace LstmFcn.Torch;

/// <summary>
/// (Compiled into every torch plugin.) Whether CUDA can be used, and the settings that keep "same seed, same device →
/// same result" true on it: libtorch's deterministic algorithms with cuDNN's deterministic convolution kernels and no
/// autotuning, and a fixed cuBLAS workspace, which cuBLAS needs to be deterministic and libtorch reads from the
/// environment when it creates its first handle. An operation with no deterministic kernel warns rather than fails.
/// TorchSharp 0.107 does not implement <c>use_deterministic_algorithms</c>, so libtorch's context is set directly.
/// </summary>
static class CudaDevice
{
    static bool? _usable;

    public static bool TryUse()
    {
        if (_usable is { } known) return known;
        bool usable;
        try { usable = TryInitializeDeviceType(DeviceType.CUDA) && cuda.is_available(); }
        catch (Exception) { usable = false; }
        if (usable) MakeDeterministic();
        _usable = usable;
        return usable;
    }

    /// <summary>
    /// Seeds libtorch's generators: the CPU one and, once CUDA is in use, every GPU's. TorchSharp's manual_seed seeds
    /// only the CPU generator, so without this, dropout on a GPU draws from a generator seeded differently per process.
    /// </summary>
    public static void Seed(long seed)
    {
        manual_seed(seed);
        if (_usable == true) cuda.manual_seed_all(seed);
    }

    /// <summary>Deterministic kernels from here on (the settings belong to the process, like libtorch's generator).</summary>
    internal static void MakeDeterministic()
    {
        // .NET's Environment.SetEnvironmentVariable does not reach native getenv on Unix; libc's setenv does.
        if (Environment.GetEnvironmentVariable("CUBLAS_WORKSPACE_CONFIG") is null) setenv("CUBLAS_WORKSPACE_CONFIG", ":4096:8", 0);
        var context = GlobalContext();
        SetDeterministicAlgorithms(context, true, warnOnly: true);
        SetDeterministicCuDnn(context, true);
        SetBenchmarkCuDnn(context, false);
    }

    /// <summary>libtorch's defaults again (for specifications that must leave the process as they found it).</summary>
    internal static void ResetDeterminism()
    {
        var context = GlobalContext();
        SetDeterministicAlgorithms(context, false, warnOnly: false);
        SetDeterministicCuDnn(context, false);
    }

    // at::globalContext() and the at::Context setters (Itanium C++ ABI: the object is the first argument).
    [DllImport("torch_cpu", EntryPoint = "_ZN2at13globalContextEv")]
    static extern IntPtr GlobalContext();

    [DllImport("torch_cpu", EntryPoint = "_ZN2at7Context26setDeterministicAlgorithmsEbb")]
    static extern void SetDeterministicAlgorithms(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled, [MarshalAs(UnmanagedType.U1)] bool warnOnly);

    [DllImport("torch_cpu", EntryPoint = "_ZN2at7Context21setDeterministicCuDNNEb")]
    static extern void SetDeterministicCuDnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [DllImport("torch_cpu", EntryPoint = "_ZN2at7Context17setBenchmarkCuDNNEb")]
    static extern void SetBenchmarkCuDnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [DllImport("libc", EntryPoint = "setenv")]
    static extern int setenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
