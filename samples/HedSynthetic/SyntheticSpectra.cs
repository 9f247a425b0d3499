using System.Globalization;
using System.Text;

namespace LstmFcn.Samples.HedSynthetic;

/// <summary>
/// A documented generator of SYNTHETIC diffraction spectra standing in for the HED dataset (zenodo 4424866), which
/// cannot be shipped: a pressure ramp over <c>Count</c> shots, shot i at pressure fraction p = i/(Count − 1).
/// <list type="bullet">
/// <item>Phase 0 (shots before <c>Transition</c>): six pseudo-Voigt peaks (η = 0.4) of a cubic-like phase.</item>
/// <item>Compression: every peak moves to higher 2θ by a factor 1 + 0.03·p (smaller d spacing) and its FWHM grows
/// from 0.04° to 0.10° (strain broadening).</item>
/// <item>Phase 1 (from <c>Transition</c>): the strongest peak splits in two (the splitting widens with p), the
/// third peak vanishes and a new peak appears near 10.6° — the signature of a lower-symmetry phase.</item>
/// <item>Every shot: a sloped background plus a broad amorphous hump, a random overall intensity (0.7–1.3) and
/// Gaussian noise. A seed fixes every draw.</item>
/// </list>
/// Files use the real layout: 25 header lines (each says SYNTHETIC), then "2θ intensity" pairs, named
/// <c>synthetic_hed_ramp_00001_m1_NNNN.xy</c> with NNNN = 0001… in ramp order.
/// </summary>
public static class SyntheticSpectra
{
    public const int HeaderLines = 25;

    static readonly (double Position, double Height)[] Phase0 =
        { (9.2, 1.0), (13.0, 0.30), (16.0, 0.50), (18.5, 0.20), (20.7, 0.25), (22.7, 0.12) };

    /// <summary>The 2θ grid and one intensity array per shot.</summary>
    public static (double[] TwoTheta, float[][] Intensities) Generate(SyntheticSpectraOptions options)
    {
        if (options.Count < 2 || options.Transition < 1 || options.Transition >= options.Count)
            throw new ArgumentException($"need 0 < transition ({options.Transition}) < count ({options.Count})");
        var x = new double[options.Points];
        for (int j = 0; j < x.Length; j++) x[j] = options.TwoThetaStart + j * options.TwoThetaStep;
        var random = new Random(options.Seed);
        var spectra = new float[options.Count][];
        for (int i = 0; i < options.Count; i++)
        {
            double p = i / (double)(options.Count - 1);
            double shift = 1 + 0.03 * p, fwhm = 0.04 + 0.06 * p;
            var peaks = new List<(double Position, double Height)>();
            bool phase1 = i >= options.Transition;
            for (int k = 0; k < Phase0.Length; k++)
            {
                var (position, height) = Phase0[k];
                if (!phase1) peaks.Add((position * shift, height));
                else if (k == 0)
                {
                    double split = 0.15 + 0.4 * (p - options.Transition / (double)(options.Count - 1));
                    peaks.Add((position * shift - split, 0.6));
                    peaks.Add((position * shift + split, 0.5));
                }
                else if (k != 2) peaks.Add((position * shift, height));
            }
            if (phase1) peaks.Add((10.6 * shift, 0.45));

            double scale = 1000 * (0.7 + 0.6 * random.NextDouble());
            double slope = 0.05 + 0.05 * random.NextDouble(), offset = 0.1 + 0.05 * random.NextDouble();
            var y = new float[x.Length];
            for (int j = 0; j < x.Length; j++)
            {
                double t = x[j];
                double v = offset + slope * (t - options.TwoThetaStart) / 10 + 0.3 * Math.Exp(-0.5 * Math.Pow((t - 12) / 3, 2));
                foreach (var (position, height) in peaks) v += height * PseudoVoigt(t - position, fwhm, 0.4);
                v += options.Noise * Gaussian(random);
                y[j] = (float)(scale * v);
            }
            spectra[i] = y;
        }
        return (x, spectra);
    }

    /// <summary>Unit-height pseudo-Voigt: η·Lorentzian + (1 − η)·Gaussian of the same FWHM.</summary>
    static double PseudoVoigt(double dx, double fwhm, double eta)
    {
        double half = fwhm / 2;
        double lorentz = 1 / (1 + dx * dx / (half * half));
        double gauss = Math.Exp(-Math.Log(2) * dx * dx / (half * half));
        return eta * lorentz + (1 - eta) * gauss;
    }

    static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static string FileName(int position) => $"synthetic_hed_ramp_00001_m1_{position + 1:D4}.xy";

    /// <summary>Writes the shots as .xy files into <paramref name="folder"/> (created if needed); returns their paths.</summary>
    public static IReadOnlyList<string> WriteXy(string folder, SyntheticSpectraOptions options)
    {
        Directory.CreateDirectory(folder);
        var (x, spectra) = Generate(options);
        var paths = new string[spectra.Length];
        Parallel.For(0, spectra.Length, i =>
        {
            var sb = new StringBuilder(64 * (x.Length + HeaderLines));
            foreach (var line in Header(options, i)) sb.Append(line).Append('\n');
            for (int j = 0; j < x.Length; j++)
                sb.Append("  ").Append(x[j].ToString("F6", CultureInfo.InvariantCulture))
                  .Append("  ").Append(spectra[i][j].ToString("E6", CultureInfo.InvariantCulture)).Append('\n');
            paths[i] = Path.Combine(folder, FileName(i));
            File.WriteAllText(paths[i], sb.ToString());
        });
        return paths;
    }

    static IEnumerable<string> Header(SyntheticSpectraOptions o, int i)
    {
        var lines = new List<string>
        {
            "# SYNTHETIC spectrum: generated by LstmFcn.Samples.HedSynthetic, NOT experimental data",
            $"# SYNTHETIC shot {i + 1} of {o.Count}, pressure fraction {i / (double)(o.Count - 1):F4}, phase {(i >= o.Transition ? 1 : 0)}",
            $"# SYNTHETIC seed {o.Seed}, transition at position {o.Transition}, noise {o.Noise}",
            "# == pyFAI calibration (SYNTHETIC placeholder) ==",
            "# Distance Sample to Detector: 0.2 m",
            "# PONI: 1.0e-01, 1.0e-01 m",
            "# Rotations: 0.000000 0.000000 0.000000 rad",
            "#",
            "# == Fit2d calibration (SYNTHETIC placeholder) ==",
            "# Distance Sample-beamCenter: 200.000 mm",
            "# Center: x=1000.000, y=1000.000 pix",
            "# Tilt: 0.000 deg  TiltPlanRot: 0.000 deg",
            "#",
            "# Detector: SYNTHETIC",
            "# Pixel size: 1.0e-04, 1.0e-04 m",
            "# Wavelength: 2.066e-11 m (SYNTHETIC)",
            "# Mask applied: False",
            "# Dark current applied: False",
            "# Flat field applied: False",
            "# Polarization factor: None",
            "# Normalization factor: 1.0",
            "#",
            "# Azimuthal integration (SYNTHETIC)",
            "#",
            "#  2th_deg             I",
        };
        if (lines.Count != HeaderLines) throw new InvalidOperationException($"header has {lines.Count} lines, not {HeaderLines}");
        return lines;
    }
}
