using System.Buffers.Binary;
using System.Text;

namespace LstmFcn.Plugins.Ecg;

/// <summary>
/// The first matrix of a MATLAB Level-4 MAT-file. Its 20-byte header is five int32 in the file's byte order — type
/// code MOPT (M: 0 little-endian, 1 big-endian; O: 0; P: precision, 3 = int16; T: 0 = numeric), rows, columns,
/// imaginary flag, name length including the terminating NUL — then the name, then rows × columns values stored
/// column by column. Further matrices in the file are ignored.
/// </summary>
public sealed class MatV4Matrix
{
    const int HeaderBytes = 20;
    static readonly string[] PrecisionNames = { "double", "single", "int32", "int16", "uint16", "uint8" };
    static readonly int[] PrecisionBytes = { 8, 4, 4, 2, 2, 1 };

    MatV4Matrix(string path, int typeCode, bool bigEndian, int precision, int rows, int columns, string name, int dataOffset, byte[] bytes)
    {
        Path = path;
        TypeCode = typeCode;
        BigEndian = bigEndian;
        Precision = precision;
        Rows = rows;
        Columns = columns;
        Name = name;
        DataOffset = dataOffset;
        _bytes = bytes;
    }

    readonly byte[] _bytes;

    public string Path { get; }
    /// <summary>The MOPT type code as stored, e.g. 30 for little-endian int16.</summary>
    public int TypeCode { get; }
    public bool BigEndian { get; }
    /// <summary>P of MOPT: 0 double, 1 single, 2 int32, 3 int16, 4 uint16, 5 uint8.</summary>
    public int Precision { get; }
    public string PrecisionName => PrecisionNames[Precision];
    public int Rows { get; }
    public int Columns { get; }
    public string Name { get; }
    /// <summary>Where the values start: 20 + the name length.</summary>
    public int DataOffset { get; }

    /// <param name="owner">What the file belongs to, named in errors (e.g. "record A00001").</param>
    public static MatV4Matrix Read(string path, string owner)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: {owner}: MAT-file not found", path);
        var bytes = File.ReadAllBytes(path);
        DataFormatException Error(string message) => new(path, 0, $"{owner}: {message}");

        if (bytes.Length < HeaderBytes)
            throw Error($"truncated MAT-file: {bytes.Length} bytes, a MATLAB v4 matrix header alone has {HeaderBytes}");

        // The type code is written in the file's own byte order; its thousands digit (M) says which order that is.
        var header = bytes.AsSpan(0, HeaderBytes);
        int little = BinaryPrimitives.ReadInt32LittleEndian(header);
        int big = BinaryPrimitives.ReadInt32BigEndian(header);
        bool bigEndian;
        int type;
        if (little is >= 0 and < 1000) (bigEndian, type) = (false, little);
        else if (big is >= 1000 and < 2000) (bigEndian, type) = (true, big);
        else
            throw Error(
                $"not a MATLAB v4 MAT-file: type code {little} (bytes 0-3) is neither little-endian (0-999) nor big-endian (1000-1999) MOPT");

        int rows = Field(bytes, 1, bigEndian), columns = Field(bytes, 2, bigEndian),
            imaginary = Field(bytes, 3, bigEndian), nameLength = Field(bytes, 4, bigEndian);
        int o = type / 100 % 10, p = type / 10 % 10, t = type % 10;
        if (o != 0) throw Error($"type code {type}: the O digit must be 0, found {o}");
        if (t != 0) throw Error($"type code {type}: expected a numeric full matrix (T = 0), found T = {t} ({(t == 1 ? "text" : t == 2 ? "sparse" : "unknown")})");
        if (p >= PrecisionNames.Length) throw Error($"type code {type}: unknown precision P = {p} (expected 0-5)");
        if (imaginary != 0) throw Error($"the matrix is complex (imagf = {imaginary}); a signal matrix is real");
        if (rows < 0 || columns < 0) throw Error($"negative matrix size {rows} × {columns}");
        if (nameLength < 1 || HeaderBytes + nameLength > bytes.Length)
            throw Error($"name length {nameLength} (bytes 16-19) does not fit a {bytes.Length}-byte file");
        var nameBytes = bytes.AsSpan(HeaderBytes, nameLength);
        if (nameBytes[^1] != 0) throw Error($"the matrix name ({nameLength} bytes from byte 20) is not NUL-terminated");
        var name = Encoding.ASCII.GetString(nameBytes[..^1]);

        int dataOffset = HeaderBytes + nameLength;
        long needed = (long)rows * columns * PrecisionBytes[p];
        long available = bytes.Length - dataOffset;
        if (available < needed)
            throw Error(
                $"truncated MAT-file: matrix '{name}' is {rows} × {columns} {PrecisionNames[p]} ({needed} bytes from byte {dataOffset}), " +
                $"the file has {available} bytes there");
        return new MatV4Matrix(path, type, bigEndian, p, rows, columns, name, dataOffset, bytes);
    }

    static int Field(byte[] bytes, int index, bool bigEndian) => bigEndian
        ? BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 * index, 4))
        : BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4 * index, 4));

    /// <summary>The raw values of an int16 matrix in storage (column-major) order.</summary>
    public ReadOnlySpan<byte> Int16Bytes =>
        Precision == 3 ? _bytes.AsSpan(DataOffset, 2 * Rows * Columns)
            : throw new InvalidOperationException($"{Path}: matrix '{Name}' holds {PrecisionName}, not int16");
}
