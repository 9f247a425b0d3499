namespace LstmFcn.Plugins.Ecg;

/// <summary>
/// Samples of a WFDB signal file (<c>.dat</c>) in the two formats most PhysioNet databases use, all signals of the
/// record interleaved frame by frame (signal 0, 1, …, then the next sample) after an optional byte offset:
/// format 16 — each sample a two's-complement int16, little-endian; format 212 — pairs of 12-bit two's-complement
/// samples packed in three bytes: byte 0 the low 8 bits of the first, the low nibble of byte 1 its high 4 bits, the
/// high nibble of byte 1 the high 4 bits of the second, byte 2 its low 8 bits (signal(5)). The missing-sample
/// markers (−32768, −2048) come out as <see cref="int.MinValue"/>.
/// </summary>
public static class WfdbDatFile
{
    /// <summary>Marks a sample WFDB declares missing.</summary>
    public const int Missing = int.MinValue;

    /// <summary>Bytes a frame of <paramref name="channels"/> samples takes, as a fraction for 212 (3 bytes per 2 samples).</summary>
    public static long BytesFor(int format, long samples) => format switch
    {
        16 => 2 * samples,
        212 => (3 * samples + 1) / 2,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "formats 16 and 212 only"),
    };

    /// <summary>
    /// Decodes <paramref name="count"/> interleaved samples (frames × channels) from <paramref name="bytes"/>, which
    /// start at the first sample. A trailing half-filled 212 group is read as far as it goes.
    /// </summary>
    public static int[] Decode(ReadOnlySpan<byte> bytes, int format, int count)
    {
        var samples = new int[count];
        switch (format)
        {
            case 16:
                for (int i = 0; i < count; i++)
                {
                    int v = (short)(bytes[2 * i] | (bytes[2 * i + 1] << 8));
                    samples[i] = v == short.MinValue ? Missing : v;
                }
                break;
            case 212:
                for (int i = 0, b = 0; i < count; i += 2, b += 3)
                {
                    samples[i] = Twelve(bytes[b] | ((bytes[b + 1] & 0x0F) << 8));
                    if (i + 1 < count) samples[i + 1] = Twelve(bytes[b + 2] | ((bytes[b + 1] & 0xF0) << 4));
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "formats 16 and 212 only");
        }
        return samples;
    }

    /// <summary>A 12-bit two's-complement value; −2048 is WFDB's missing sample.</summary>
    static int Twelve(int raw)
    {
        int v = raw >= 0x800 ? raw - 0x1000 : raw;
        return v == -2048 ? Missing : v;
    }
}
