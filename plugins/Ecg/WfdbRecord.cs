using System.Buffers.Binary;

namespace LstmFcn.Plugins.Ecg;

/// <summary>
/// A WFDB record whose samples are a MATLAB v4 int16 matrix (the layout of <c>wfdb2mat</c> and the PhysioNet/CinC
/// Challenge 2017): the header says how to read the matrix, the matrix must agree with it, and values come out in
/// physical units, channel-major.
/// </summary>
public sealed class WfdbRecord
{
    /// <summary>WFDB marks a missing sample in 16-bit formats with this value; it becomes NaN.</summary>
    const short InvalidSample = short.MinValue;

    WfdbRecord(string name, double frequency, int channels, float[] values, string headerPath, string signalPath, IReadOnlyList<string> units)
    {
        Name = name;
        Frequency = frequency;
        Channels = channels;
        Values = values;
        HeaderPath = headerPath;
        SignalPath = signalPath;
        Units = units;
    }

    public string Name { get; }
    public double Frequency { get; }
    public int Channels { get; }
    public int Length => Values.Length / Channels;
    /// <summary>Physical values ((adc − baseline) / gain), channel c at [c·Length, (c+1)·Length).</summary>
    public float[] Values { get; }
    public string HeaderPath { get; }
    public string SignalPath { get; }
    public IReadOnlyList<string> Units { get; }

    /// <summary>Reads record <paramref name="name"/> from <paramref name="folder"/> (<c>name.hea</c> and the file it names).</summary>
    public static WfdbRecord Read(string folder, string name)
    {
        var headerPath = Path.Combine(folder, name + ".hea");
        if (!File.Exists(headerPath)) throw new FileNotFoundException($"{headerPath}: header of record {name} not found", headerPath);
        var header = WfdbHeader.Read(headerPath);
        if (header.Record != name)
            throw new DataFormatException(headerPath, 0, $"the header names record '{header.Record}', expected '{name}' (the file's name)");
        if (header.Signals.Count == 0) throw new DataFormatException(headerPath, 0, $"record {name} has no signals");

        var first = header.Signals[0];
        foreach (var s in header.Signals)
        {
            if (s.FileName != first.FileName)
                throw new DataFormatException(headerPath, s.Line, $"record {name}: signals are stored in '{first.FileName}' and '{s.FileName}'; one MAT-file per record is supported");
            if (s.Format is not (16 or 61))
                throw new DataFormatException(headerPath, s.Line, $"record {name}: storage format {s.Format} is not supported; a MAT-file signal needs 16 (int16 little-endian) or 61 (big-endian)");
            if (s.ByteOffset != first.ByteOffset || s.Format != first.Format)
                throw new DataFormatException(headerPath, s.Line, $"record {name}: all signals of one file must share format and byte offset");
        }
        if (!first.FileName.EndsWith(".mat", StringComparison.OrdinalIgnoreCase))
            throw new DataFormatException(headerPath, first.Line, $"record {name}: signal file '{first.FileName}' is not a MAT-file (.mat); this reader reads MATLAB v4 signal matrices");

        var signalPath = Path.Combine(folder, first.FileName);
        if (!File.Exists(signalPath)) throw new FileNotFoundException($"{signalPath}: signal file of record {name} not found (named in {headerPath}:{first.Line})", signalPath);
        var matrix = MatV4Matrix.Read(signalPath, $"record {name}");
        CheckAgreement(header, first, matrix, name);

        int channels = header.Signals.Count, length = matrix.Columns;
        var values = new float[channels * length];
        var raw = matrix.Int16Bytes;
        var gains = new double[channels];
        var baselines = new int[channels];
        for (int c = 0; c < channels; c++)
        {
            gains[c] = header.Signals[c].Gain;
            baselines[c] = header.Signals[c].Baseline;
        }
        // Column-major rows × columns = signals × samples: the signals of one sample are adjacent (a WFDB frame).
        for (int t = 0; t < length; t++)
            for (int c = 0; c < channels; c++)
            {
                var at = raw.Slice(2 * (t * channels + c), 2);
                short adc = matrix.BigEndian ? BinaryPrimitives.ReadInt16BigEndian(at) : BinaryPrimitives.ReadInt16LittleEndian(at);
                values[c * length + t] = adc == InvalidSample ? float.NaN : (float)((adc - baselines[c]) / gains[c]);
            }
        return new WfdbRecord(name, header.Frequency, channels, values, headerPath, signalPath, header.Signals.Select(s => s.Units).ToArray());
    }

    /// <summary>The header and the matrix describe one signal block; any disagreement means one of them is wrong.</summary>
    static void CheckAgreement(WfdbHeader header, WfdbSignal signal, MatV4Matrix matrix, string name)
    {
        var where = $"record {name}: {Path.GetFileName(header.Path)} line {signal.Line} says";
        if (matrix.Precision != 3)
            throw new DataFormatException(matrix.Path, 0, $"{where} format {signal.Format} (int16), the matrix '{matrix.Name}' holds {matrix.PrecisionName} (type code {matrix.TypeCode})");
        if (matrix.BigEndian != (signal.Format == 61))
            throw new DataFormatException(matrix.Path, 0, $"{where} format {signal.Format} ({(signal.Format == 61 ? "big" : "little")}-endian), the matrix is {(matrix.BigEndian ? "big" : "little")}-endian (type code {matrix.TypeCode})");
        if (signal.ByteOffset != matrix.DataOffset)
            throw new DataFormatException(matrix.Path, 0, $"{where} samples start at byte {signal.ByteOffset}, the matrix '{matrix.Name}' starts them at byte {matrix.DataOffset}");
        if (matrix.Rows != header.Signals.Count)
            throw new DataFormatException(matrix.Path, 0, $"record {name}: the header declares {header.Signals.Count} signal(s), the matrix '{matrix.Name}' has {matrix.Rows} row(s)");
        if (header.Samples > 0 && matrix.Columns != header.Samples)
            throw new DataFormatException(matrix.Path, 0, $"record {name}: the header declares {header.Samples} samples, the matrix '{matrix.Name}' has {matrix.Columns} column(s)");
        if (matrix.Columns == 0)
            throw new DataFormatException(matrix.Path, 0, $"record {name}: the matrix '{matrix.Name}' has no samples");
    }
}
