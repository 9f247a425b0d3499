using LstmFcn.Pipeline;
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
        manual_seed(context.Seed);
        bool cuda = context.Device != ComputeDevice.Cpu && TryCuda();
        if (context.Device == ComputeDevice.Cuda && !cuda)
            throw new InvalidOperationException("device: cuda was requested but CUDA is not available; use device: cpu or auto");
        return cuda ? CUDA : CPU;
    }

    static bool TryCuda()
    {
        try { return TryInitializeDeviceType(DeviceType.CUDA) && cuda.is_available(); }
        catch (Exception) { return false; }
    }
}
