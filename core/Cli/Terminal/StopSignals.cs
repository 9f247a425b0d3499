using System.Runtime.InteropServices;

namespace LstmFcn.Pipeline.Cli.Terminal;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM — what Slurm (scancel, a time limit), Kubernetes (eviction) and systemd send before
/// SIGKILL — both stop a run the same way: its cancellation token is cancelled, training stops at the next epoch,
/// <c>run.json</c> says "cancelled" and the process exits with 128 + the signal's number (130, 143), as a shell reports
/// a process the signal ended. A second signal of the same kind is left to its default action (stop at once).
/// </summary>
/// <remarks>
/// Only while a command listens (<see cref="Listen"/>) are signals held back; a command that cannot stop midway
/// (validate, compare) is ended by them as usual.
/// </remarks>
public static class StopSignals
{
    public const int InterruptExitCode = 130;   // 128 + SIGINT (2)
    public const int TerminateExitCode = 143;   // 128 + SIGTERM (15)

    static readonly object Gate = new();
    static CancellationTokenSource? _listener;
    static PosixSignal? _received;
    static PosixSignalRegistration[]? _registrations;

    /// <summary>The exit code for a run stopped by a signal: 143 after SIGTERM, 130 after Ctrl+C (and by default).</summary>
    public static int ExitCode => _received == PosixSignal.SIGTERM ? TerminateExitCode : InterruptExitCode;

    /// <summary>The signal that stopped the run, for messages ("SIGTERM"), or null.</summary>
    public static string? ReceivedName => _received switch
    {
        PosixSignal.SIGTERM => "SIGTERM",
        PosixSignal.SIGINT => "Ctrl+C",
        _ => null,
    };

    /// <summary>
    /// A token source that SIGINT and SIGTERM cancel until it is disposed. One command listens at a time.
    /// </summary>
    public static CancellationTokenSource Listen()
    {
        lock (Gate)
        {
            _registrations ??= new[]
            {
                PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
                PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            };
            var source = new Listener();
            _listener = source;
            return source;
        }
    }

    static void OnSignal(PosixSignalContext context)
    {
        CancellationTokenSource? listener;
        lock (Gate)
        {
            listener = _listener;
            // Nothing listens, or this is a second signal: the default action ends the process now.
            if (listener is null || listener.IsCancellationRequested) return;
            _received = context.Signal;
            context.Cancel = true;
        }
        try { listener.Cancel(); }
        catch (ObjectDisposedException) { /* the command ended meanwhile */ }
    }

    sealed class Listener : CancellationTokenSource
    {
        protected override void Dispose(bool disposing)
        {
            lock (Gate)
                if (ReferenceEquals(_listener, this)) _listener = null;
            base.Dispose(disposing);
        }
    }
}
