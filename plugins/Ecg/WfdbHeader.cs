using System.Globalization;

namespace LstmFcn.Plugins.Ecg;

/// <summary>
/// A WFDB header (<c>.hea</c>, PhysioNet's header(5) format): the record line
/// <c>name nsig [fs [nsamp [base-time [base-date]]]]</c> followed by one line per signal
/// <c>file format[+offset] [gain[(baseline)][/units] [adcres [adczero [initval [checksum [blocksize [description]]]]]]]</c>.
/// '#' lines are comments. Defaults follow the WFDB specification: 250 Hz, gain 200 when absent or 0, baseline = ADC
/// zero, units mV. Multi-segment records, several samples per frame and skew are not supported and are refused.
/// </summary>
public sealed class WfdbHeader
{
    /// <summary>WFDB's default sampling frequency and ADC gain when a header leaves them out.</summary>
    const double DefaultFrequency = 250, DefaultGain = 200;

    WfdbHeader(string path, string record, double frequency, int samples, IReadOnlyList<WfdbSignal> signals)
    {
        Path = path;
        Record = record;
        Frequency = frequency;
        Samples = samples;
        Signals = signals;
    }

    public string Path { get; }
    public string Record { get; }
    /// <summary>Samples per second per signal.</summary>
    public double Frequency { get; }
    /// <summary>Samples per signal; 0 when the header does not say.</summary>
    public int Samples { get; }
    public IReadOnlyList<WfdbSignal> Signals { get; }

    public static WfdbHeader Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: header file not found", path);
        var lines = new List<(int Number, string Text)>();
        int number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var text = raw.Trim();
            if (text.Length == 0 || text[0] == '#') continue;
            lines.Add((number, text));
        }
        if (lines.Count == 0) throw new DataFormatException(path, 0, "the header is empty: expected a record line 'name nsig fs nsamp'");

        var (recordLine, recordText) = lines[0];
        var fields = recordText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var record = fields[0];
        if (record.Contains('/'))
            throw new DataFormatException(path, recordLine, $"record '{record}' is a multi-segment record; only single-segment records are supported");
        if (fields.Length < 2 || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var signalCount))
            throw new DataFormatException(path, recordLine, $"field 2 of the record line must be the number of signals, found '{(fields.Length > 1 ? fields[1] : "")}'");
        double frequency = DefaultFrequency;
        if (fields.Length > 2)
        {
            // "fs/counter(base)": only the sampling frequency before '/' matters here.
            var fs = fields[2].Split('/')[0];
            if (!double.TryParse(fs, NumberStyles.Float, CultureInfo.InvariantCulture, out frequency) || !(frequency > 0))
                throw new DataFormatException(path, recordLine, $"field 3 of the record line must be a positive sampling frequency, found '{fields[2]}'");
        }
        int samples = 0;
        if (fields.Length > 3 && !int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out samples))
            throw new DataFormatException(path, recordLine, $"field 4 of the record line must be the number of samples, found '{fields[3]}'");

        if (lines.Count - 1 < signalCount)
            throw new DataFormatException(path, 0, $"the record line declares {signalCount} signal(s), the header has {lines.Count - 1} signal line(s)");
        var signals = new WfdbSignal[signalCount];
        for (int i = 0; i < signalCount; i++)
            signals[i] = ReadSignal(path, lines[i + 1].Number, lines[i + 1].Text);
        return new WfdbHeader(path, record, frequency, samples, signals);
    }

    static WfdbSignal ReadSignal(string path, int line, string text)
    {
        // The description is free text (may contain spaces): split the first eight fields only.
        var fields = text.Split((char[]?)null, 9, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2) throw new DataFormatException(path, line, "a signal line needs at least a file name and a format");

        var (format, offset) = ReadFormat(path, line, fields[1]);
        double gain = DefaultGain;
        int? baseline = null;
        string units = "mV";
        if (fields.Length > 2) (gain, baseline, units) = ReadGain(path, line, fields[2]);
        int adcResolution = fields.Length > 3 ? Integer(path, line, fields[3], "ADC resolution (field 4)") : 0;
        int adcZero = fields.Length > 4 ? Integer(path, line, fields[4], "ADC zero (field 5)") : 0;
        int? initial = fields.Length > 5 ? Integer(path, line, fields[5], "initial value (field 6)") : null;
        var description = fields.Length > 8 ? fields[8].Trim() : "";
        return new WfdbSignal(fields[0], format, offset, gain, baseline ?? adcZero, units, adcResolution, adcZero, initial, description, line);
    }

    /// <summary>"16", "16+24", "16x2", "16:3": only plain formats with an optional byte offset are accepted.</summary>
    static (int Format, int Offset) ReadFormat(string path, int line, string text)
    {
        if (text.IndexOfAny(new[] { 'x', ':' }) >= 0)
            throw new DataFormatException(path, line, $"format '{text}': several samples per frame ('x') and skew (':') are not supported");
        var parts = text.Split('+');
        if (parts.Length > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var format))
            throw new DataFormatException(path, line, $"field 2 must be a storage format such as '16' or '16+24', found '{text}'");
        int offset = 0;
        if (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            throw new DataFormatException(path, line, $"the byte offset after '+' in '{text}' must be a non-negative integer");
        return (format, offset);
    }

    /// <summary>"1000/mV", "200(-12)/mV", "500": gain, optional baseline in parentheses, optional units after '/'.</summary>
    static (double Gain, int? Baseline, string Units) ReadGain(string path, int line, string text)
    {
        var units = "mV";
        var slash = text.IndexOf('/');
        var head = text;
        if (slash >= 0)
        {
            units = text[(slash + 1)..];
            head = text[..slash];
        }
        int? baseline = null;
        var open = head.IndexOf('(');
        if (open >= 0)
        {
            if (!head.EndsWith(')') ||
                !int.TryParse(head[(open + 1)..^1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b))
                throw new DataFormatException(path, line, $"field 3 '{text}': the baseline in parentheses must be an integer, e.g. '200(-12)/mV'");
            baseline = b;
            head = head[..open];
        }
        if (!double.TryParse(head, NumberStyles.Float, CultureInfo.InvariantCulture, out var gain) || gain < 0)
            throw new DataFormatException(path, line, $"field 3 must be an ADC gain such as '1000/mV', found '{text}'");
        return (gain == 0 ? DefaultGain : gain, baseline, units);
    }

    static int Integer(string path, int line, string text, string what) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new DataFormatException(path, line, $"{what} must be an integer, found '{text}'");
}
