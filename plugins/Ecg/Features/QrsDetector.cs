using LstmFcn.Signal;

namespace LstmFcn.Plugins.Ecg.Features;

/// <summary>
/// Pan–Tompkins-style R-peak detection for one ECG lead at one sampling rate: 5–15 Hz zero-phase band-pass (the QRS
/// band; the upper edge drops below 0.4·rate for low rates), five-point derivative, squaring, 150 ms moving-window
/// integration, then adaptive signal/noise peak levels with a 200 ms refractory period, T-wave rejection (a peak
/// within 360 ms, or half the running RR interval, of a beat with less than half its slope) and search-back at half threshold when no beat came for
/// 1.66 mean RR intervals. Each detection is refined to the extreme of the 0.5–40 Hz signal within ±100 ms, on the
/// polarity most beats have (inverted leads are common in hand-held recordings). Thread-safe.
/// </summary>
public sealed class QrsDetector
{
    readonly SecondOrderSections _qrsBand;
    readonly SecondOrderSections _clean;

    public QrsDetector(double rate)
    {
        if (!(rate >= MinimumRate))
            throw new ArgumentOutOfRangeException(nameof(rate), $"R-peak detection needs at least {MinimumRate} Hz (the QRS band is 5–15 Hz), found {rate} Hz");
        Rate = rate;
        _qrsBand = ButterworthDesign.Design(2, 5, Math.Min(15, 0.4 * rate), rate);
        _clean = ButterworthDesign.Design(2, 0.5, Math.Min(40, 0.4 * rate), rate);
    }

    public const double MinimumRate = 25;

    public double Rate { get; }

    /// <summary>The 0.5–40 Hz signal that R peaks are refined on and beat morphology is measured on.</summary>
    public float[] Clean(ReadOnlySpan<float> ecg)
    {
        var clean = new float[ecg.Length];
        _clean.FilterForwardBackward(ecg, clean);
        return clean;
    }

    /// <summary>
    /// R-peak positions (ascending sample indices) of <paramref name="ecg"/>; <paramref name="clean"/> is
    /// <see cref="Clean"/> of it. <paramref name="envelope"/> receives the integrated squared slope (its regularity
    /// is itself a noise cue).
    /// </summary>
    public int[] Detect(ReadOnlySpan<float> ecg, ReadOnlySpan<float> clean, out double[] envelope)
    {
        int n = ecg.Length;
        envelope = new double[n];
        if (n < 5) return Array.Empty<int>();
        var band = new float[n];
        _qrsBand.FilterForwardBackward(ecg, band);

        var slope = new double[n];
        for (int i = 2; i < n - 2; i++)
        {
            double d = (2.0 * band[i + 1] + band[i + 2] - band[i - 2] - 2.0 * band[i - 1]) * Rate / 8;
            slope[i] = d * d;
        }
        // Centred moving-window integration: the envelope peaks at the middle of the QRS rather than after it.
        int half = Math.Max(1, (int)Math.Round(0.075 * Rate));
        double sum = 0;
        for (int i = 0; i < Math.Min(half, n); i++) sum += slope[i];
        for (int i = 0; i < n; i++)
        {
            if (i + half < n) sum += slope[i + half];
            if (i - half - 1 >= 0) sum -= slope[i - half - 1];
            envelope[i] = sum / (2 * half + 1);
        }

        var candidates = Candidates(envelope, (int)Math.Round(0.2 * Rate));
        var beats = Classify(envelope, slope, candidates);
        return Refine(beats, clean);
    }

    /// <summary>Local maxima of the envelope, the larger kept of any two closer than the refractory period.</summary>
    static List<int> Candidates(double[] envelope, int refractory)
    {
        var peaks = new List<int>();
        for (int i = 1; i < envelope.Length - 1; i++)
        {
            if (!(envelope[i] > envelope[i - 1] && envelope[i] >= envelope[i + 1])) continue;
            if (peaks.Count > 0 && i - peaks[^1] < refractory)
            {
                if (envelope[i] > envelope[peaks[^1]]) peaks[^1] = i;
                continue;
            }
            peaks.Add(i);
        }
        return peaks;
    }

    List<int> Classify(double[] envelope, double[] slope, List<int> candidates)
    {
        var beats = new List<int>();
        if (candidates.Count == 0) return beats;
        // Start levels from the whole record rather than its first 2 s, which often hold a motion artefact: the
        // median of 2-second maxima for the signal level, the median envelope value for the noise level.
        int block = Math.Max(1, (int)(2 * Rate));
        var maxima = new List<double>();
        for (int start = 0; start < envelope.Length; start += block)
        {
            double max = 0;
            for (int i = start; i < Math.Min(envelope.Length, start + block); i++) max = Math.Max(max, envelope[i]);
            maxima.Add(max);
        }
        double signalLevel = Statistics.Median(maxima.ToArray());
        double noiseLevel = Statistics.Median(envelope);

        int tWindow = (int)Math.Round(0.36 * Rate), slopeHalf = Math.Max(1, (int)Math.Round(0.075 * Rate));
        int refractory = (int)Math.Round(0.2 * Rate);
        var recentRr = new Queue<int>();
        double meanRr = Rate; // 60 bpm until eight intervals are known
        int lastCandidateIndex = -1;

        for (int k = 0; k < candidates.Count; k++)
        {
            int c = candidates[k];
            double peak = envelope[c];
            double threshold = noiseLevel + 0.25 * (signalLevel - noiseLevel);

            // Search-back: a missed beat leaves a long gap; take the largest earlier candidate above half threshold.
            if (beats.Count > 0 && c - beats[^1] > 1.66 * meanRr)
            {
                int best = -1;
                for (int j = lastCandidateIndex + 1; j < k; j++)
                {
                    int p = candidates[j];
                    if (p - beats[^1] < refractory || c - p < refractory) continue;
                    if (envelope[p] > 0.5 * threshold && (best < 0 || envelope[p] > envelope[best])) best = p;
                }
                if (best >= 0)
                {
                    Accept(best);
                    signalLevel = 0.25 * envelope[best] + 0.75 * signalLevel;
                    threshold = noiseLevel + 0.25 * (signalLevel - noiseLevel);
                }
            }

            if (peak > threshold)
            {
                // T waves: within 360 ms (or half the running RR interval, for slow rhythms) and flatter than the beat.
                if (beats.Count > 0 && c - beats[^1] < Math.Max(tWindow, 0.5 * meanRr)
                    && MaxAround(slope, c, slopeHalf) < 0.5 * MaxAround(slope, beats[^1], slopeHalf))
                {
                    noiseLevel = 0.125 * peak + 0.875 * noiseLevel; // a T wave
                    continue;
                }
                Accept(c);
                signalLevel = 0.125 * peak + 0.875 * signalLevel;
                lastCandidateIndex = k;
            }
            else noiseLevel = 0.125 * peak + 0.875 * noiseLevel;
        }
        return beats;

        void Accept(int position)
        {
            if (beats.Count > 0)
            {
                recentRr.Enqueue(position - beats[^1]);
                if (recentRr.Count > 8) recentRr.Dequeue();
                double total = 0;
                foreach (var rr in recentRr) total += rr;
                meanRr = total / recentRr.Count;
            }
            beats.Add(position);
        }
    }

    static double MaxAround(double[] x, int centre, int half)
    {
        double max = 0;
        for (int i = Math.Max(0, centre - half); i <= Math.Min(x.Length - 1, centre + half); i++) max = Math.Max(max, x[i]);
        return max;
    }

    int[] Refine(List<int> beats, ReadOnlySpan<float> clean)
    {
        if (beats.Count == 0) return Array.Empty<int>();
        int half = Math.Max(1, (int)Math.Round(0.1 * Rate));
        // Polarity: the sign of the larger excursion at most beats.
        int positive = 0;
        foreach (var b in beats)
        {
            float max = float.MinValue, min = float.MaxValue;
            for (int i = Math.Max(0, b - half); i <= Math.Min(clean.Length - 1, b + half); i++)
            {
                max = Math.Max(max, clean[i]);
                min = Math.Min(min, clean[i]);
            }
            if (max >= -min) positive++;
        }
        float sign = 2 * positive >= beats.Count ? 1 : -1;
        var refined = new List<int>(beats.Count);
        int refractory = (int)Math.Round(0.2 * Rate);
        foreach (var b in beats)
        {
            int best = b;
            for (int i = Math.Max(0, b - half); i <= Math.Min(clean.Length - 1, b + half); i++)
                if (sign * clean[i] > sign * clean[best]) best = i;
            // Two detections refined onto the same or nearby extremes are one beat: keep the taller.
            if (refined.Count > 0 && best - refined[^1] < refractory)
            {
                if (sign * clean[best] > sign * clean[refined[^1]]) refined[^1] = best;
                continue;
            }
            refined.Add(best);
        }
        return refined.ToArray();
    }
}
