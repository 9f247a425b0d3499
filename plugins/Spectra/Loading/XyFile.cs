using System.Globalization;

namespace LstmFcn.Plugins.Spectra.Loading;

/// <summary>
/// One azimuthally integrated diffraction pattern as written by pyFAI/Dioptas: a free-form header of any length, then
/// two whitespace-separated numeric columns (2θ, intensity). The header length is detected, not assumed: data start at
/// the first line made of exactly two finite numbers, and every later non-blank line must be such a pair.
/// </summary>
public sealed record XyFile(string Path, double[] TwoTheta, float[] Intensity, int HeaderLines)
{
    public static XyFile Read(string path)
    {
        var twoTheta = new List<double>(4096);
        var intensity = new List<float>(4096);
        int header = -1, lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var span = line.AsSpan().Trim();
            if (header < 0)
            {
                if (TryPair(span, out var a, out var b)) { header = lineNumber - 1; twoTheta.Add(a); intensity.Add((float)b); }
                continue;
            }
            if (span.IsEmpty) continue;
            if (!TryPair(span, out var x, out var y))
                throw new SpectrumFormatException(
                    $"{path}:{lineNumber}: expected two numbers (2θ, intensity) as on the data lines from line {header + 1}, found '{Shorten(line)}'");
            if (x <= twoTheta[^1])
                throw new SpectrumFormatException($"{path}:{lineNumber}: 2θ {x.ToString(CultureInfo.InvariantCulture)} does not increase (previous {twoTheta[^1].ToString(CultureInfo.InvariantCulture)})");
            twoTheta.Add(x);
            intensity.Add((float)y);
        }
        if (header < 0)
            throw new SpectrumFormatException($"{path}: no data line (two numeric columns, 2θ and intensity) in {lineNumber} line(s)");
        if (twoTheta.Count < 2)
            throw new SpectrumFormatException($"{path}: only one data line (line {header + 1})");
        return new XyFile(path, twoTheta.ToArray(), intensity.ToArray(), header);
    }

    /// <summary>Exactly two tokens, both finite numbers (a header line like "# 2th_deg I" or "Wavelength: 0.3" is not).</summary>
    static bool TryPair(ReadOnlySpan<char> line, out double first, out double second)
    {
        first = second = 0;
        Span<Range> parts = stackalloc Range[3];
        int n = line.SplitAny(parts, " \t,;", StringSplitOptions.RemoveEmptyEntries);
        return n == 2
               && double.TryParse(line[parts[0]], NumberStyles.Float, CultureInfo.InvariantCulture, out first) && double.IsFinite(first)
               && double.TryParse(line[parts[1]], NumberStyles.Float, CultureInfo.InvariantCulture, out second) && double.IsFinite(second);
    }

    static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";
}
