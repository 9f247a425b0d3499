using System.Runtime.InteropServices;

namespace LstmFcn.Plugins.Deep;

/// <summary>
/// Keeps glibc from returning multi-megabyte tensor buffers to the kernel after every step. libtorch's CPU allocator
/// does not cache, so by default each activation above the mmap threshold is a fresh mmap whose pages fault in on
/// first touch, then an munmap: on GunPoint that is ~20 % of an epoch. Raising the mmap and trim thresholds lets
/// freed blocks be reused from the heap. Harmless where it does not apply (non-glibc systems).
/// </summary>
static class NativeMemory
{
    const int M_TRIM_THRESHOLD = -1;
    const int M_TOP_PAD = -2;
    const int M_MMAP_THRESHOLD = -3;
    static bool _tuned;

    [DllImport("libc", EntryPoint = "mallopt")]
    static extern int MallOpt(int parameter, int value);

    public static void TuneForTensors()
    {
        if (_tuned || !OperatingSystem.IsLinux()) return;
        _tuned = true;
        try
        {
            MallOpt(M_MMAP_THRESHOLD, 32 * 1024 * 1024); // glibc's largest allowed value on 64-bit
            MallOpt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
            MallOpt(M_TOP_PAD, 64 * 1024 * 1024);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: nothing to tune.
        }
    }
}
