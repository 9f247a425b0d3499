using System.Runtime.InteropServices;

namespace LstmFcn.Pipeline.Cli;

/// <summary>
/// libtorch's OpenMP threads wait for work passively (they sleep) unless the user chose otherwise. libgomp's default
/// spins a while first, which on a shared machine burns the cores other work needs: a 40-epoch GunPoint LSTM-FCN
/// training took 0.29× the wall time and 0.28× the CPU time with OMP_WAIT_POLICY=PASSIVE beside a CPU hog, and 0.46× /
/// 0.49× on the (shared, load ~10) machine without one (benchmarks/contention/results.md).
/// </summary>
/// <remarks>
/// libgomp reads its environment once, when libtorch loads it, from the C library's environment. .NET's
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> changes only the runtime's own copy on Linux, too
/// late and in the wrong place (measured: no effect), so the variable is set with the C library's setenv, before the
/// first torch call; the .NET copy is set too, for the child processes of bench and reproduce.
/// </remarks>
static class TorchThreading
{
    public const string WaitPolicyVariable = "OMP_WAIT_POLICY";
    public const string DefaultWaitPolicy = "PASSIVE";

    public static void ApplyDefaults()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(WaitPolicyVariable))) return; // the user's choice
        Environment.SetEnvironmentVariable(WaitPolicyVariable, DefaultWaitPolicy); // for child processes (bench, reproduce)
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            setenv(WaitPolicyVariable, DefaultWaitPolicy, overwrite: 0);
    }

    [DllImport("libc", SetLastError = true)]
    static extern int setenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
