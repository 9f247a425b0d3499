using System.Numerics;

namespace LstmFcn.Signal;

/// <summary>
/// (Compiled into the plugins that set UsesSharedSignal: Signal, Ecg, Spectra.) Digital Butterworth filters as second-order sections, designed like scipy.signal.butter(..., output='sos'):
/// analog prototype poles, frequency transform (low-pass, high-pass or band-pass) at pre-warped edges, bilinear
/// transform. The overall gain sits in the first section.
/// </summary>
public static class ButterworthDesign
{
    /// <summary>
    /// Band-pass between <paramref name="lowHz"/> and <paramref name="highHz"/>; a null edge drops that side
    /// (high-pass above <paramref name="lowHz"/> or low-pass below <paramref name="highHz"/>). A band-pass of order N
    /// has 2N poles.
    /// </summary>
    public static SecondOrderSections Design(int order, double? lowHz, double? highHz, double rate)
    {
        if (order < 1) throw new ArgumentOutOfRangeException(nameof(order), "order must be at least 1");
        if (lowHz is null && highHz is null) throw new ArgumentException("a filter needs a low or a high cut-off");

        // Analog prototype: N poles on the left unit half-circle, no zeros, gain 1.
        var prototype = new Complex[order];
        for (int i = 0; i < order; i++)
        {
            int m = -order + 1 + 2 * i;
            prototype[i] = -Complex.Exp(new Complex(0, Math.PI * m / (2.0 * order)));
        }

        // Pre-warp the edges for the bilinear transform (normalised sampling rate 2, as scipy does).
        static double Warp(double hz, double rate) => 4 * Math.Tan(Math.PI * (2 * hz / rate) / 2);

        List<Complex> zeros = new(), poles = new();
        double gain;
        if (lowHz is { } lo && highHz is { } hi)
        {
            double w1 = Warp(lo, rate), w2 = Warp(hi, rate), bw = w2 - w1, wo = Math.Sqrt(w1 * w2);
            foreach (var p in prototype)
            {
                var scaled = p * bw / 2;
                var root = Complex.Sqrt(scaled * scaled - wo * wo);
                poles.Add(scaled + root);
                poles.Add(scaled - root);
            }
            for (int i = 0; i < order; i++) zeros.Add(Complex.Zero);
            gain = Math.Pow(bw, order);
        }
        else if (highHz is { } h)
        {
            double wo = Warp(h, rate);
            foreach (var p in prototype) poles.Add(p * wo);
            gain = Math.Pow(wo, order);
        }
        else
        {
            double wo = Warp(lowHz!.Value, rate);
            var product = Complex.One;
            foreach (var p in prototype)
            {
                poles.Add(wo / p);
                product *= -p;
            }
            for (int i = 0; i < order; i++) zeros.Add(Complex.Zero);
            gain = 1 / product.Real;
        }

        // Bilinear transform with fs = 2 (fs2 = 4); zeros at infinity map to z = −1.
        const double fs2 = 4;
        var numerator = Complex.One;
        var denominator = Complex.One;
        foreach (var z in zeros) numerator *= fs2 - z;
        foreach (var p in poles) denominator *= fs2 - p;
        gain *= (numerator / denominator).Real;
        var digitalZeros = zeros.Select(z => ((fs2 + z) / (fs2 - z)).Real).ToList();
        while (digitalZeros.Count < poles.Count) digitalZeros.Add(-1);
        var digitalPoles = poles.Select(p => (fs2 + p) / (fs2 - p)).ToList();

        return ToSections(digitalZeros, digitalPoles, gain);
    }

    /// <summary>
    /// Groups conjugate pole pairs (then real poles two by two) into sections; each section takes one zero at +1 and
    /// one at −1 while both remain, which keeps every section's gain moderate.
    /// </summary>
    static SecondOrderSections ToSections(List<double> zeros, List<Complex> poles, double gain)
    {
        var polePairs = new List<(Complex A, Complex? B)>();
        var real = new List<double>();
        foreach (var p in poles.OrderBy(p => p.Real).ThenBy(p => p.Imaginary))
        {
            if (Math.Abs(p.Imaginary) <= 1e-12 * Math.Max(1, p.Magnitude)) real.Add(p.Real);
            else if (p.Imaginary > 0) polePairs.Add((p, Complex.Conjugate(p)));
        }
        for (int i = 0; i < real.Count; i += 2)
            polePairs.Add((real[i], i + 1 < real.Count ? real[i + 1] : null));

        var plus = zeros.Where(z => z > 0).ToList();
        var minus = zeros.Where(z => z <= 0).ToList();
        var coefficients = new double[6 * polePairs.Count];
        for (int s = 0; s < polePairs.Count; s++)
        {
            var (a, b) = polePairs[s];
            int order = b is null ? 1 : 2;
            var sectionZeros = new List<double>();
            while (sectionZeros.Count < order && (plus.Count > 0 || minus.Count > 0))
            {
                bool takePlus = plus.Count > 0 && (minus.Count == 0 || sectionZeros.Count == 0 || sectionZeros[0] <= 0);
                var list = takePlus ? plus : minus;
                sectionZeros.Add(list[^1]);
                list.RemoveAt(list.Count - 1);
            }
            var c = coefficients.AsSpan(6 * s, 6);
            // b(z) = Π (1 − zero·z⁻¹), a(z) = Π (1 − pole·z⁻¹)
            c[0] = 1;
            c[1] = sectionZeros.Count > 0 ? -sectionZeros.Sum() : 0;
            c[2] = sectionZeros.Count == 2 ? sectionZeros[0] * sectionZeros[1] : 0;
            c[3] = 1;
            if (b is { } second)
            {
                c[4] = -(a + second).Real;
                c[5] = (a * second).Real;
            }
            else
            {
                c[4] = -a.Real;
                c[5] = 0;
            }
        }
        for (int i = 0; i < 3; i++) coefficients[i] *= gain;
        return new SecondOrderSections(coefficients);
    }
}
