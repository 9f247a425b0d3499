using LstmFcn.Pipeline;
using LstmFcn.TorchLayers;
using TorchSharp;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Deep;

/// <summary>Turns the pipeline's device and thread settings into TorchSharp's.</summary>
static class TorchDevice
{
    public static Device Resolve(ComputeDevice requested, IRunLog log)
    {
        bool cuda = requested != ComputeDevice.Cpu && CudaDevice.TryUse();
        if (requested == ComputeDevice.Cuda && !cuda)
            throw new InvalidOperationException(
                "device: cuda was requested but CUDA is not available. Build with -p:TorchBackend=cuda (TorchSharp-cuda-linux) " +
                "or -p:TorchBackend=external with a CUDA libtorch on LD_LIBRARY_PATH, or use device: cpu/auto");
        var device = cuda ? CUDA : CPU;
        log.Debug($"torch device: {device}");
        return device;
    }

    /// <summary>Sets libtorch's intra-op threads (0 = one per core) and seeds its generators.</summary>
    public static void Prepare(RunContext context)
    {
        NativeMemory.TuneForTensors();
        int threads = context.WorkerThreads;
        if (get_num_threads() != threads) set_num_threads(threads);
        CudaDevice.Seed(context.Seed);
    }
}
