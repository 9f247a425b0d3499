using LstmFcn.Pipeline;
using LstmFcn.TorchLayers;
using TorchSharp;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>The pipeline's device and thread settings as TorchSharp's (as the Deep plugins do).</summary>
static class SpectraTorch
{
    public static Device Prepare(RunContext context)
    {
        int threads = context.WorkerThreads;
        if (get_num_threads() != threads) set_num_threads(threads);
        CudaDevice.Seed(context.Seed);
        bool cuda = context.Device != ComputeDevice.Cpu && CudaDevice.TryUse();
        if (context.Device == ComputeDevice.Cuda && !cuda)
            throw new InvalidOperationException("device: cuda was requested but CUDA is not available; use device: cpu or auto");
        return cuda ? CUDA : CPU;
    }
}
