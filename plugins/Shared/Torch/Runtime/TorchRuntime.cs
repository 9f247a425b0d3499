using LstmFcn.Pipeline;
using static TorchSharp.torch;

namespace LstmFcn.Torch;

/// <summary>(Compiled into every torch plugin.) A run's thread, device and seed settings, applied to libtorch.</summary>
static class TorchRuntime
{
    /// <summary>
    /// Sets libtorch's intra-op threads (0 = one per core), picks the device the pipeline names (auto: CUDA when usable)
    /// and seeds the generators, and returns the device.
    /// </summary>
    public static Device Prepare(RunContext context)
    {
        int threads = context.WorkerThreads;
        if (get_num_threads() != threads) set_num_threads(threads);
        bool cuda = context.Device != ComputeDevice.Cpu && CudaDevice.TryUse();
        if (context.Device == ComputeDevice.Cuda && !cuda)
            throw new InvalidOperationException(
                "device: cuda was requested but CUDA is not available. Build with -p:TorchBackend=cuda (TorchSharp-cuda-linux) " +
                "or -p:TorchBackend=external with a CUDA libtorch on LD_LIBRARY_PATH, or use device: cpu/auto");
        var device = cuda ? CUDA : CPU;
        context.Log.Debug($"torch device: {device}");
        // After the device is known: once CUDA is in use, seeding covers the GPUs' generators too.
        CudaDevice.Seed(context.Seed);
        return device;
    }
}
