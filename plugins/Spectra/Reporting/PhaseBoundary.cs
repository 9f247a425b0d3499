namespace LstmFcn.Plugins.Spectra.Reporting;

/// <summary>
/// Sun et al.'s classification confidence of a phase sequence. In experiment order, C0_upper is the last spectrum of
/// the unbroken run of phase-0 predictions that starts the sequence and C1_lower the first of the unbroken run of
/// phase-1 predictions that ends it; the N_f = C1_lower − C0_upper − 1 spectra between them are the ambiguous zone, and
/// P = 1 − N_f / N_t over all N_t spectra. A clean split gives N_f = 0, P = 1. Without both runs (the sequence starts
/// with phase 1 or ends with phase 0) there is no boundary: <see cref="Found"/> is false and P is 0.
/// Positions are 0-based.
/// </summary>
public sealed record PhaseBoundary(int Total, int C0Upper, int C1Lower, int Ambiguous, double Confidence, bool Found)
{
    public static PhaseBoundary Of(IReadOnlyList<int> predictedPhases)
    {
        int n = predictedPhases.Count;
        foreach (var p in predictedPhases)
            if (p is not (0 or 1)) throw new ArgumentException($"phases are 0 or 1, found {p}");
        int lead = 0;
        while (lead < n && predictedPhases[lead] == 0) lead++;
        int trail = 0;
        while (trail < n && predictedPhases[n - 1 - trail] == 1) trail++;
        int c0Upper = lead - 1, c1Lower = n - trail;
        if (lead == 0 || trail == 0) return new PhaseBoundary(n, c0Upper, c1Lower, n - lead - trail, 0, false);
        int ambiguous = c1Lower - c0Upper - 1;
        return new PhaseBoundary(n, c0Upper, c1Lower, ambiguous, 1 - ambiguous / (double)n, true);
    }
}
