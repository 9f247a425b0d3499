using LstmFcn.Signal;

namespace LstmFcn.Plugins.Ecg.Features;

/// <summary>
/// One ECG lead → a fixed vector of <see cref="Names"/>.Length rhythm, morphology, amplitude and spectral features
/// (the evidence cardiologists and CinC 2017 entries use): R peaks from <see cref="QrsDetector"/>; RR-interval
/// statistics and irregularity (AF: irregularly irregular); beat-template agreement and P/T-wave size (AF lacks P
/// waves, ectopy and noise break the template); amplitude, flat/clipped/out-of-range fractions and band powers
/// (noise). Records with too few beats for a statistic get 0 there, never NaN, so tree models can split on them.
/// </summary>
public sealed class EcgFeatureExtractor
{
    public static readonly string[] Names =
    {
        "duration_s",
        "beats", "beats_per_min", "heart_rate", "beat_coverage",
        "rr_mean", "rr_median", "rr_sd", "rr_mad", "rr_min", "rr_max", "rr_max_min_ratio", "rr_cv", "rr_mad_ratio",
        "rmssd", "rmssd_norm", "pnn20", "pnn50", "drr_median_norm", "rr_max_successive_ratio", "rr_outlier_fraction",
        "rr_implausible_fraction", "rr_sample_entropy", "rr_histogram_entropy", "rr_turning_point_ratio",
        "lorenz_dispersion", "poincare_sd1", "poincare_sd2", "poincare_ratio",
        "rr_p05_ratio", "rr_p95_ratio", "premature_fraction", "rr_cv_without_outliers", "local_rr_cv_max",
        "template_corr_mean", "template_corr_median", "template_corr_sd", "template_corr_low_fraction",
        "template_residual", "r_amplitude", "r_amplitude_cv", "qrs_width_s", "p_wave_ratio", "t_wave_ratio",
        "template_corr_p10", "qrs_duration_s", "pr_interval_s", "t_wave_signed_ratio", "st_level_ratio",
        "beat_width_outlier_fraction",
        "amp_sd", "amp_range", "amp_skewness", "amp_kurtosis", "out_of_range_fraction", "flat_fraction",
        "clipped_fraction", "window_sd_cv", "window_sd_max_ratio",
        "power_0_1hz", "power_1_5hz", "power_5_15hz", "power_15_40hz", "power_above_40hz", "spectral_entropy",
        "dominant_frequency", "envelope_periodicity", "detector_agreement",
    };

    readonly QrsDetector _detector;
    readonly RadixTwoFft _fft;

    public EcgFeatureExtractor(double rate)
    {
        _detector = new QrsDetector(rate);
        // Welch segments of about 3.4 s at 300 Hz (1024 points): 0.3 Hz resolution keeps the 0–1 Hz band apart.
        int size = 1;
        while (size < 3.4 * rate) size *= 2;
        _fft = new RadixTwoFft(size);
    }

    public double Rate => _detector.Rate;

    /// <summary>R-peak positions of a lead, as <see cref="Extract"/> finds them.</summary>
    public int[] Beats(ReadOnlySpan<float> ecg) => _detector.Detect(ecg, _detector.Clean(ecg), out _);

    public void Extract(ReadOnlySpan<float> ecg, Span<float> features)
    {
        if (features.Length != Names.Length) throw new ArgumentException($"{Names.Length} features, span of {features.Length}");
        double rate = Rate;
        var clean = _detector.Clean(ecg);
        var beats = _detector.Detect(ecg, clean, out var envelope);
        var w = new Writer();
        double duration = ecg.Length / rate;
        w.Add(duration);

        var rr = new double[Math.Max(0, beats.Length - 1)];
        for (int i = 0; i < rr.Length; i++) rr[i] = (beats[i + 1] - beats[i]) / rate;
        Rhythm(w, beats, rr, duration);
        Morphology(w, clean, beats);
        Amplitude(w, ecg, clean);
        Spectrum(w, ecg);
        w.Add(Periodicity(envelope));
        w.Add(DetectorAgreement(clean, beats));
        w.CopyTo(features);
    }

    void Rhythm(Writer w, int[] beats, double[] rr, double duration)
    {
        double rate = Rate;
        w.Add(beats.Length);
        w.Add(60 * beats.Length / duration);
        double mean = Statistics.Mean(rr), median = Statistics.Median(rr), sd = Statistics.Deviation(rr);
        w.Add(mean > 0 ? 60 / mean : 0);
        // Share of the record between the first and last beat: long undetected stretches are noise or lead-off.
        w.Add(beats.Length > 1 ? (beats[^1] - beats[0]) / rate / duration : 0);
        w.Add(mean); w.Add(median); w.Add(sd);
        double mad = Statistics.MedianAbsoluteDeviation(rr);
        w.Add(mad);
        double min = rr.Length > 0 ? double.MaxValue : 0, max = 0;
        foreach (var v in rr) { min = Math.Min(min, v); max = Math.Max(max, v); }
        w.Add(min); w.Add(max); w.Add(min > 0 ? max / min : 0);
        w.Add(mean > 0 ? sd / mean : 0);
        w.Add(median > 0 ? mad / median : 0);

        var drr = new double[Math.Max(0, rr.Length - 1)];
        for (int i = 0; i < drr.Length; i++) drr[i] = rr[i + 1] - rr[i];
        double sumSq = 0, over20 = 0, over50 = 0, maxRatio = 0;
        var absDrr = new double[drr.Length];
        for (int i = 0; i < drr.Length; i++)
        {
            sumSq += drr[i] * drr[i];
            absDrr[i] = Math.Abs(drr[i]);
            if (absDrr[i] > 0.02) over20++;
            if (absDrr[i] > 0.05) over50++;
            maxRatio = Math.Max(maxRatio, rr[i + 1] / rr[i]);
        }
        double rmssd = drr.Length > 0 ? Math.Sqrt(sumSq / drr.Length) : 0;
        w.Add(rmssd);
        w.Add(mean > 0 ? rmssd / mean : 0);
        w.Add(drr.Length > 0 ? over20 / drr.Length : 0);
        w.Add(drr.Length > 0 ? over50 / drr.Length : 0);
        w.Add(median > 0 ? Statistics.Median(absDrr) / median : 0);
        w.Add(maxRatio);

        // Premature beats and pauses (Other rhythms) sit far from the median interval; detections of noise do too.
        int outliers = 0, implausible = 0;
        foreach (var v in rr)
        {
            if (Math.Abs(v - median) > 0.2 * median) outliers++;
            if (v < 0.3 || v > 2.0) implausible++;
        }
        w.Add(rr.Length > 0 ? outliers / (double)rr.Length : 0);
        w.Add(rr.Length > 0 ? implausible / (double)rr.Length : 0);

        // Irregularity: sample entropy of the normalised intervals (tolerance 0.2 of their deviation, at least 10 ms
        // so a perfectly regular rhythm does not get the no-match bound).
        w.Add(rr.Length >= 4 ? Statistics.SampleEntropy(rr, 2, Math.Max(0.01, 0.2 * sd)) : 0);
        w.Add(HistogramEntropy(rr));
        int turns = 0;
        for (int i = 1; i < rr.Length - 1; i++)
            if ((rr[i] - rr[i - 1]) * (rr[i + 1] - rr[i]) < 0) turns++;
        w.Add(rr.Length >= 3 ? turns / (double)(rr.Length - 2) : 0);
        w.Add(LorenzDispersion(drr));

        double sd1 = Statistics.Deviation(drr) / Math.Sqrt(2);
        double sd2 = Math.Sqrt(Math.Max(0, 2 * sd * sd - sd1 * sd1));
        w.Add(sd1); w.Add(sd2); w.Add(sd2 > 0 ? sd1 / sd2 : 0);

        w.Add(median > 0 ? Statistics.Quantile(rr, 0.05) / median : 0);
        w.Add(median > 0 ? Statistics.Quantile(rr, 0.95) / median : 0);
        // Premature beat: an interval 15 % shorter than the median followed by a longer one (the compensatory pause)
        // — ectopy, one of the commonest "Other" rhythms; AF shortens and lengthens without that pairing as often.
        int premature = 0;
        for (int i = 0; i + 1 < rr.Length; i++)
            if (rr[i] < 0.85 * median && rr[i + 1] > 1.05 * median) premature++;
        w.Add(rr.Length > 1 ? premature / (double)(rr.Length - 1) : 0);
        // Irregularity once ectopic-looking intervals are dropped: stays high in AF, falls back in sinus + ectopy.
        var kept = new List<double>(rr.Length);
        foreach (var v in rr) if (Math.Abs(v - median) <= 0.2 * median) kept.Add(v);
        var keptArray = kept.ToArray();
        double keptMean = Statistics.Mean(keptArray);
        w.Add(keptArray.Length > 1 && keptMean > 0 ? Statistics.Deviation(keptArray) / keptMean : 0);
        // The most irregular 8-interval stretch: paroxysms and noise bursts in part of a record.
        double localMax = 0;
        for (int i = 0; i + 8 <= rr.Length; i++)
        {
            var window = rr.AsSpan(i, 8);
            double m = Statistics.Mean(window);
            if (m > 0) localMax = Math.Max(localMax, Statistics.Deviation(window) / m);
        }
        w.Add(localMax);
    }

    /// <summary>Shannon entropy of the RR intervals in 50 ms bins over 0.2–2.2 s, divided by ln(count).</summary>
    static double HistogramEntropy(double[] rr)
    {
        if (rr.Length < 2) return 0;
        Span<int> bins = stackalloc int[40];
        foreach (var v in rr) bins[Math.Clamp((int)((v - 0.2) / 0.05), 0, bins.Length - 1)]++;
        double h = 0;
        foreach (var c in bins)
            if (c > 0) { double p = c / (double)rr.Length; h -= p * Math.Log(p); }
        return h / Math.Log(rr.Length);
    }

    /// <summary>
    /// Share of occupied 40 ms cells of the Lorenz plot of successive differences (ΔRR(i−1), ΔRR(i)) outside the
    /// central cell, per point: the idea of the AF Evidence of Sarkar et al. — AF scatters, sinus rhythm (even with
    /// sinus arrhythmia) stays near the origin, ectopy forms a few clusters.
    /// </summary>
    static double LorenzDispersion(double[] drr)
    {
        if (drr.Length < 2) return 0;
        const int half = 25; // ±1 s
        var occupied = new bool[(2 * half + 1) * (2 * half + 1)];
        int distinct = 0;
        for (int i = 1; i < drr.Length; i++)
        {
            int x = Math.Clamp((int)Math.Round(drr[i - 1] / 0.04), -half, half);
            int y = Math.Clamp((int)Math.Round(drr[i] / 0.04), -half, half);
            if (x == 0 && y == 0) continue;
            int cell = (x + half) * (2 * half + 1) + y + half;
            if (!occupied[cell]) { occupied[cell] = true; distinct++; }
        }
        return distinct / (double)(drr.Length - 1);
    }

    void Morphology(Writer w, float[] clean, int[] beats)
    {
        double rate = Rate;
        int pre = (int)Math.Round(0.25 * rate), post = (int)Math.Round(0.45 * rate), width = pre + post + 1;
        int first = 0, count = 0;
        for (int b = 0; b < beats.Length; b++)
            if (beats[b] - pre >= 0 && beats[b] + post < clean.Length) { if (count == 0) first = b; count++; }
        if (count < 2)
        {
            for (int k = 0; k < 16; k++) w.Add(0);
            return;
        }
        // Beats as rows (only those whose window fits, which are consecutive), template = sample-wise median.
        var matrix = new double[count * width];
        for (int k = 0; k < count; k++)
        {
            int start = beats[first + k] - pre;
            for (int t = 0; t < width; t++) matrix[k * width + t] = clean[start + t];
        }
        var template = new double[width];
        var column = new double[count];
        for (int t = 0; t < width; t++)
        {
            for (int k = 0; k < count; k++) column[k] = matrix[k * width + t];
            template[t] = Statistics.Median(column);
        }
        var correlations = new double[count];
        var amplitudes = new double[count];
        double residual = 0;
        int low = 0;
        for (int k = 0; k < count; k++)
        {
            var beat = matrix.AsSpan(k * width, width);
            correlations[k] = Statistics.Correlation(beat, template);
            if (correlations[k] < 0.8) low++;
            amplitudes[k] = Math.Abs(beat[pre] - Statistics.Median(beat));
            for (int t = 0; t < width; t++) residual += (beat[t] - template[t]) * (beat[t] - template[t]);
        }
        double baseline = Statistics.Median(template);
        double rAmplitude = Math.Abs(template[pre] - baseline);
        w.Add(Statistics.Mean(correlations));
        w.Add(Statistics.Median(correlations));
        w.Add(Statistics.Deviation(correlations));
        w.Add(low / (double)count);
        w.Add(rAmplitude > 0 ? Math.Sqrt(residual / (count * (double)width)) / rAmplitude : 0);
        w.Add(rAmplitude);
        double meanAmplitude = Statistics.Mean(amplitudes);
        w.Add(meanAmplitude > 0 ? Statistics.Deviation(amplitudes) / meanAmplitude : 0);

        // QRS width: the run around R where the template stays beyond half the R deflection.
        double halfLevel = 0.5 * (template[pre] - baseline);
        int left = pre, right = pre;
        while (left > 0 && (template[left - 1] - baseline) * Math.Sign(halfLevel) > Math.Abs(halfLevel)) left--;
        while (right < width - 1 && (template[right + 1] - baseline) * Math.Sign(halfLevel) > Math.Abs(halfLevel)) right++;
        w.Add((right - left + 1) / rate);
        w.Add(rAmplitude > 0 ? Range(template, 0, pre - (int)Math.Round(0.08 * rate)) / rAmplitude : 0);
        w.Add(rAmplitude > 0 ? Range(template, pre + (int)Math.Round(0.15 * rate), width) / rAmplitude : 0);

        var sortedCorrelations = (double[])correlations.Clone();
        Array.Sort(sortedCorrelations);
        w.Add(Statistics.SortedQuantile(sortedCorrelations, 0.1));

        // QRS onset/offset: outward from R until the template's slope falls below 10 % of its steepest (within
        // ±150 ms) — wide complexes mark bundle-branch block and ventricular beats.
        int reach = (int)Math.Round(0.15 * rate);
        double maxSlope = 0;
        for (int t = Math.Max(1, pre - reach); t < Math.Min(width, pre + reach); t++)
            maxSlope = Math.Max(maxSlope, Math.Abs(template[t] - template[t - 1]));
        int onset = pre, offset = pre;
        while (onset > Math.Max(1, pre - reach) && Math.Abs(template[onset] - template[onset - 1]) > 0.1 * maxSlope) onset--;
        while (offset < Math.Min(width - 1, pre + reach) && Math.Abs(template[offset + 1] - template[offset]) > 0.1 * maxSlope) offset++;
        w.Add(maxSlope > 0 ? (offset - onset) / rate : 0);

        // P wave: the largest deflection 300–80 ms before R; its lead time approximates the PR interval.
        int pFrom = 0, pTo = pre - (int)Math.Round(0.08 * rate), pAt = pFrom;
        for (int t = pFrom; t < pTo; t++)
            if (Math.Abs(template[t] - baseline) > Math.Abs(template[pAt] - baseline)) pAt = t;
        w.Add(pTo > pFrom ? (pre - pAt) / rate : 0);
        // T wave and ST level, signed relative to the R deflection: inverted T and ST shifts are "Other" findings.
        int tFrom = pre + (int)Math.Round(0.15 * rate), tAt = tFrom;
        for (int t = tFrom; t < width; t++)
            if (Math.Abs(template[t] - baseline) > Math.Abs(template[tAt] - baseline)) tAt = t;
        double rSigned = template[pre] - baseline;
        w.Add(rAmplitude > 0 && tFrom < width ? (template[tAt] - baseline) / rSigned : 0);
        int stFrom = pre + (int)Math.Round(0.08 * rate), stTo = Math.Min(width, pre + (int)Math.Round(0.12 * rate) + 1);
        double st = 0;
        for (int t = stFrom; t < stTo; t++) st += template[t] - baseline;
        w.Add(rAmplitude > 0 && stTo > stFrom ? st / (stTo - stFrom) / rSigned : 0);

        // Beats whose own QRS is much wider than the template's (ventricular ectopy): width at half the beat's R.
        int wide = 0, templateWidth = HalfWidth(template, pre, baseline);
        for (int k = 0; k < count; k++)
        {
            var beat = matrix.AsSpan(k * width, width);
            if (HalfWidth(beat, pre, Statistics.Median(beat)) > 1.5 * templateWidth + 0.01 * rate) wide++;
        }
        w.Add(wide / (double)count);
    }

    /// <summary>Samples around <paramref name="peak"/> where |x − baseline| stays above half its value at the peak.</summary>
    static int HalfWidth(ReadOnlySpan<double> x, int peak, double baseline)
    {
        double level = 0.5 * Math.Abs(x[peak] - baseline);
        int left = peak, right = peak;
        while (left > 0 && Math.Abs(x[left - 1] - baseline) > level) left--;
        while (right < x.Length - 1 && Math.Abs(x[right + 1] - baseline) > level) right++;
        return right - left + 1;
    }

    static double Range(double[] x, int from, int to)
    {
        if (to <= from) return 0;
        double min = double.MaxValue, max = double.MinValue;
        for (int i = from; i < to; i++) { min = Math.Min(min, x[i]); max = Math.Max(max, x[i]); }
        return max - min;
    }

    void Amplitude(Writer w, ReadOnlySpan<float> raw, float[] clean)
    {
        int n = clean.Length;
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = clean[i];
        double mean = Statistics.Mean(x), m2 = 0, m3 = 0, m4 = 0;
        foreach (var v in x) { double d = v - mean, d2 = d * d; m2 += d2; m3 += d2 * d; m4 += d2 * d2; }
        m2 /= Math.Max(1, n); m3 /= Math.Max(1, n); m4 /= Math.Max(1, n);
        var sorted = (double[])x.Clone();
        Array.Sort(sorted);
        double median = n > 0 ? Statistics.SortedQuantile(sorted, 0.5) : 0;
        w.Add(Math.Sqrt(m2));
        w.Add(n > 0 ? Statistics.SortedQuantile(sorted, 0.99) - Statistics.SortedQuantile(sorted, 0.01) : 0);
        w.Add(m2 > 0 ? m3 / Math.Pow(m2, 1.5) : 0);
        w.Add(m2 > 0 ? m4 / (m2 * m2) : 0);

        // Far excursions relative to the robust spread: artefacts (QRS peaks of a clean ECG stay within ~10 MADs
        // since most samples are baseline, so 15 MADs marks motion and electrode pops).
        double mad = Statistics.MedianAbsoluteDeviation(x);
        int far = 0;
        foreach (var v in x) if (Math.Abs(v - median) > 15 * mad) far++;
        w.Add(n > 0 && mad > 0 ? far / (double)n : 0);

        // Flat (lead off) and clipped (saturated) stretches are read on the signal as given, before filtering.
        int window = Math.Max(2, (int)Math.Round(0.25 * Rate)), windows = 0, flat = 0;
        for (int start = 0; start + window <= raw.Length; start += window)
        {
            float min = float.MaxValue, max = float.MinValue;
            for (int i = start; i < start + window; i++) { min = Math.Min(min, raw[i]); max = Math.Max(max, raw[i]); }
            windows++;
            if (max - min < 0.01f) flat++;
        }
        w.Add(windows > 0 ? flat / (double)windows : 0);
        float rawMin = float.MaxValue, rawMax = float.MinValue;
        foreach (var v in raw) { rawMin = Math.Min(rawMin, v); rawMax = Math.Max(rawMax, v); }
        int clipped = 0;
        for (int i = 1; i < raw.Length; i++)
            if ((raw[i] == rawMax || raw[i] == rawMin) && raw[i] == raw[i - 1]) clipped++;
        w.Add(raw.Length > 0 ? clipped / (double)raw.Length : 0);

        // Spread of 2-second window deviations: noise bursts make a few windows much louder than the rest.
        int block = Math.Max(2, (int)Math.Round(2 * Rate));
        var sds = new List<double>();
        for (int start = 0; start + block <= n; start += block) sds.Add(Statistics.Deviation(x.AsSpan(start, block)));
        var sdArray = sds.ToArray();
        double sdMean = Statistics.Mean(sdArray), sdMedian = Statistics.Median(sdArray), sdMax = 0;
        foreach (var v in sdArray) sdMax = Math.Max(sdMax, v);
        w.Add(sdMean > 0 ? Statistics.Deviation(sdArray) / sdMean : 0);
        w.Add(sdMedian > 0 ? sdMax / sdMedian : 0);
    }

    /// <summary>Welch power spectrum (Hann, half overlap) of the signal as given: relative band powers and entropy.</summary>
    void Spectrum(Writer w, ReadOnlySpan<float> raw)
    {
        int size = _fft.Size;
        while (size > raw.Length && size > 16) size /= 2;
        var fft = size == _fft.Size ? _fft : new RadixTwoFft(size);
        var power = new double[size / 2 + 1];
        var re = new double[size];
        var im = new double[size];
        double mean = 0;
        foreach (var v in raw) mean += v;
        mean /= Math.Max(1, raw.Length);
        int segments = 0;
        for (int start = 0; start + size <= raw.Length; start += size / 2)
        {
            for (int i = 0; i < size; i++)
            {
                double hann = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / size);
                re[i] = (raw[start + i] - mean) * hann;
                im[i] = 0;
            }
            fft.Forward(re, im);
            for (int k = 0; k < power.Length; k++) power[k] += re[k] * re[k] + im[k] * im[k];
            segments++;
        }
        double total = 0;
        foreach (var p in power) total += p;
        Span<double> edges = stackalloc double[] { 0, 1, 5, 15, 40, double.MaxValue };
        Span<double> bands = stackalloc double[5];
        double dominant = 0, dominantPower = -1, entropy = 0;
        for (int k = 0; k < power.Length; k++)
        {
            double hz = k * Rate / size;
            for (int b = 0; b < 5; b++)
                if (hz >= edges[b] && hz < edges[b + 1]) bands[b] += power[k];
            if (hz >= 0.5 && hz <= 40 && power[k] > dominantPower) { dominantPower = power[k]; dominant = hz; }
            if (total > 0 && power[k] > 0) { double p = power[k] / total; entropy -= p * Math.Log(p); }
        }
        for (int b = 0; b < 5; b++) w.Add(total > 0 ? bands[b] / total : 0);
        w.Add(segments > 0 ? entropy / Math.Log(power.Length) : 0);
        w.Add(segments > 0 ? dominant : 0);
    }

    /// <summary>
    /// Highest autocorrelation of the QRS envelope (decimated to ~50 Hz) at lags of 0.3–2 s: near 1 for a steady
    /// beat, lower for AF, low for noise whose envelope has no rhythm.
    /// </summary>
    double Periodicity(double[] envelope)
    {
        int factor = Math.Max(1, (int)Math.Round(Rate / 50));
        double rate = Rate / factor;
        int n = envelope.Length / factor;
        if (n < 4) return 0;
        var e = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < factor; j++) sum += envelope[i * factor + j];
            e[i] = sum / factor;
        }
        double mean = Statistics.Mean(e), variance = 0;
        for (int i = 0; i < n; i++) { e[i] -= mean; variance += e[i] * e[i]; }
        if (variance <= 0) return 0;
        double best = 0;
        for (int lag = (int)Math.Ceiling(0.3 * rate); lag <= Math.Min(n - 1, (int)(2 * rate)); lag++)
        {
            double sum = 0;
            for (int i = 0; i + lag < n; i++) sum += e[i] * e[i + lag];
            best = Math.Max(best, sum / variance);
        }
        return best;
    }

    /// <summary>
    /// bSQI-style signal quality: R peaks of a second, independent detector (peaks of the 0.5–40 Hz signal's absolute
    /// slope above 30 % of its 99.5th percentile, 300 ms apart — steep QRS edges, not the slower P and T waves)
    /// matched within 100 ms to the Pan–Tompkins beats, as matches over the union. Near 1 on clean recordings; the
    /// two disagree on noise.
    /// </summary>
    double DetectorAgreement(float[] clean, int[] beats)
    {
        int n = clean.Length;
        if (n < 3) return 0;
        var slope = new double[n];
        for (int i = 1; i < n - 1; i++) slope[i] = Math.Abs(clean[i + 1] - clean[i - 1]);
        double threshold = 0.3 * Statistics.Quantile(slope, 0.995);
        int refractory = (int)Math.Round(0.3 * Rate), tolerance = (int)Math.Round(0.1 * Rate);
        var peaks = new List<int>();
        for (int i = 1; i < n - 1; i++)
        {
            if (!(slope[i] > threshold && slope[i] >= slope[i - 1] && slope[i] > slope[i + 1])) continue;
            if (peaks.Count > 0 && i - peaks[^1] < refractory)
            {
                if (slope[i] > slope[peaks[^1]]) peaks[^1] = i;
                continue;
            }
            peaks.Add(i);
        }
        int matched = 0, j = 0;
        foreach (var b in beats)
        {
            while (j < peaks.Count && peaks[j] < b - tolerance) j++;
            if (j < peaks.Count && peaks[j] <= b + tolerance) { matched++; j++; }
        }
        int union = beats.Length + peaks.Count - matched;
        return union > 0 ? matched / (double)union : 0;
    }

    /// <summary>Collects features in <see cref="Names"/> order and checks that all were written, all finite.</summary>
    sealed class Writer
    {
        readonly double[] _values = new double[Names.Length];
        int _next;

        public void Add(double value)
        {
            if (_next >= _values.Length) throw new InvalidOperationException($"more than {_values.Length} features written");
            if (!double.IsFinite(value)) throw new InvalidOperationException($"feature {Names[_next]} is {value}");
            _values[_next++] = value;
        }

        public void CopyTo(Span<float> target)
        {
            if (_next != _values.Length) throw new InvalidOperationException($"{_next} of {_values.Length} features written");
            for (int i = 0; i < _values.Length; i++) target[i] = (float)_values[i];
        }
    }
}
