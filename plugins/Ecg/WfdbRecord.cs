using System.Buffers.Binary;

namespace LstmFcn.Plugins.Ecg;

/// <summary>
/// A WFDB record whose samples are a MATLAB v4 int16 matrix (the layout of <c>wfdb2mat</c> and the PhysioNet/CinC
/// Challenge 2017) or a WFDB <c>.dat</c> file in format 16 or 212 (most other PhysioNet databases): the header says
/// how to read the samples, the file must agree with it, and values come out in physical units, channel-major.
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
                throw new DataFormatException(headerPath, s.Line, $"record {name}: signals are stored in '{first.FileName}' and '{s.FileName}'; one signal file per record is supported");
            if (s.ByteOffset != first.ByteOffset || s.Format != first.Format)
                throw new DataFormatException(headerPath, s.Line, $"record {name}: all signals of one file must share format and byte offset");
        }
        var signalPath = Path.Combine(folder, first.FileName);
        bool mat = first.FileName.EndsWith(".mat", StringComparison.OrdinalIgnoreCase);
        if (mat ? first.Format is not (16 or 61) : first.Format is not (16 or 212))
            throw new DataFormatException(headerPath, first.Line, mat
                ? $"record {name}: storage format {first.Format} is not supported; a MAT-file signal needs 16 (int16 little-endian) or 61 (big-endian)"
                : $"record {name}: storage format {first.Format} of '{first.FileName}' is not supported; this reader reads WFDB formats 16 and 212 (or MATLAB v4 .mat)");
        if (!File.Exists(signalPath)) throw new FileNotFoundException($"{signalPath}: signal file of record {name} not found (named in {headerPath}:{first.Line})", signalPath);

        int channels = header.Signals.Count;
        var gains = new double[channels];
        var baselines = new int[channels];
        for (int c = 0; c < channels; c++)
        {
            gains[c] = header.Signals[c].Gain;
            baselines[c] = header.Signals[c].Baseline;
        }
        var values = mat ? FromMatrix(header, first, signalPath, name, gains, baselines) : FromDat(header, first, signalPath, name, gains, baselines);
        return new WfdbRecord(name, header.Frequency, channels, values, headerPath, signalPath, header.Signals.Select(s => s.Units).ToArray());
    }

    static float[] FromMatrix(WfdbHeader header, WfdbSignal first, string signalPath, string name, double[] gains, int[] baselines)
    {
        var matrix = MatV4Matrix.Read(signalPath, $"record {name}");
        CheckAgreement(header, first, matrix, name);
        int channels = gains.Length, length = matrix.Columns;
        var values = new float[channels * length];
        var raw = matrix.Int16Bytes;
        // Column-major rows × columns = signals × samples: the signals of one sample are adjacent (a WFDB frame).
        for (int t = 0; t < length; t++)
            for (int c = 0; c < channels; c++)
            {
                var at = raw.Slice(2 * (t * channels + c), 2);
                short adc = matrix.BigEndian ? BinaryPrimitives.ReadInt16BigEndian(at) : BinaryPrimitives.ReadInt16LittleEndian(at);
                values[c * length + t] = adc == InvalidSample ? float.NaN : (float)((adc - baselines[c]) / gains[c]);
            }
        return values;
    }

    /// <summary>A WFDB .dat file: the frames after the byte offset; the header's sample count, when given, must fit.</summary>
    static float[] FromDat(WfdbHeader header, WfdbSignal first, string signalPath, string name, double[] gains, int[] baselines)
    {
        var bytes = File.ReadAllBytes(signalPath);
        int channels = gains.Length;
        long available = bytes.Length - (long)first.ByteOffset;
        if (available < 0)
            throw new DataFormatException(signalPath, 0, $"record {name}: the header puts the samples at byte {first.ByteOffset}, the file has {bytes.Length} bytes");
        // Whole frames the file holds: 2 bytes per sample (16), 3 bytes per 2 samples (212).
        long stored = first.Format == 16 ? available / 2 : available * 2 / 3;
        long frames = stored / channels;
        if (header.Samples > 0)
        {
            if (header.Samples > frames)
                throw new DataFormatException(signalPath, 0,
                    $"record {name}: the header declares {header.Samples} samples of {channels} signal(s) in format {first.Format} ({WfdbDatFile.BytesFor(first.Format, (long)header.Samples * channels)} bytes after byte {first.ByteOffset}), the file holds {available} bytes");
            frames = header.Samples;
        }
        if (frames == 0) throw new DataFormatException(signalPath, 0, $"record {name}: the signal file holds no samples");
        if (frames * channels > int.MaxValue) throw new DataFormatException(signalPath, 0, $"record {name}: {frames} samples per signal are more than this reader holds");
        int length = (int)frames;
        var adc = WfdbDatFile.Decode(bytes.AsSpan(first.ByteOffset), first.Format, length * channels);
        var values = new float[channels * length];
        for (int t = 0; t < length; t++)
            for (int c = 0; c < channels; c++)
            {
                int v = adc[t * channels + c];
                values[c * length + t] = v == WfdbDatFile.Missing ? float.NaN : (float)((v - baselines[c]) / gains[c]);
            }
        return values;
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
