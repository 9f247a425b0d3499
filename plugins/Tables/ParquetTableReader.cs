using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace LstmFcn.Plugins.Tables;

/// <summary>
/// Reads a Parquet file into a <see cref="SampleTable"/>: every flat column of every row group. Numeric columns stay
/// numbers; strings, dates and booleans become text. Nested or list columns are rejected: a sample table has one
/// value per cell.
/// </summary>
public static class ParquetTableReader
{
    public static SampleTable Read(string path) =>
        // Parquet.Net is asynchronous only; run it on a worker thread so no synchronisation context can deadlock it.
        Task.Run(() => ReadAsync(path)).GetAwaiter().GetResult();

    static async Task<SampleTable> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        if (stream.Length == 0) throw new TableFormatException(path, "the file is empty: expected a Parquet table");
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw new TableFormatException(path, $"not a readable Parquet file ({e.Message})");
        }
        await using (reader)
        {
            var fields = reader.Schema.GetDataFields();
            foreach (var f in fields)
                if (f.IsArray || f.MaxRepetitionLevel > 0 || f.Path.Length > 1)
                    throw new TableFormatException($"{path}: column '{f.Path}'", "nested or list columns are not supported: a sample table has one value per cell");
            var builders = fields.Select(f => new ColumnBuilder(path, f)).ToArray();
            int rows = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                int n = checked((int)group.RowCount);
                foreach (var b in builders) await b.AppendAsync(group, n);
                rows += n;
            }
            if (rows == 0) throw new TableFormatException(path, "the table has columns but no rows");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in fields)
                if (!seen.Add(f.Name)) throw new TableFormatException($"{path}: column '{f.Name}'", "the column name appears twice");
            return new SampleTable(path, builders.Select(b => b.Build()).ToArray(), rows, rowLines: null, headerLine: 0);
        }
    }

    /// <summary>Collects one column over all row groups, as numbers or as text depending on its type.</summary>
    sealed class ColumnBuilder
    {
        readonly string _path;
        readonly DataField _field;
        readonly List<double> _numbers = new();
        readonly List<bool> _missing = new();
        readonly List<string> _text = new();

        public ColumnBuilder(string path, DataField field) => (_path, _field) = (path, field);

        bool IsNumeric => _field.ClrType == typeof(double) || _field.ClrType == typeof(float) || _field.ClrType == typeof(int) ||
                          _field.ClrType == typeof(long) || _field.ClrType == typeof(short) || _field.ClrType == typeof(sbyte) ||
                          _field.ClrType == typeof(byte) || _field.ClrType == typeof(ushort) || _field.ClrType == typeof(uint) ||
                          _field.ClrType == typeof(ulong) || _field.ClrType == typeof(decimal);

        public async Task AppendAsync(ParquetRowGroupReader group, int rows)
        {
            var t = _field.ClrType;
            if (t == typeof(double)) await Numbers<double>(group, rows);
            else if (t == typeof(float)) await Numbers<float>(group, rows);
            else if (t == typeof(int)) await Numbers<int>(group, rows);
            else if (t == typeof(long)) await Numbers<long>(group, rows);
            else if (t == typeof(short)) await Numbers<short>(group, rows);
            else if (t == typeof(sbyte)) await Numbers<sbyte>(group, rows);
            else if (t == typeof(byte)) await Numbers<byte>(group, rows);
            else if (t == typeof(ushort)) await Numbers<ushort>(group, rows);
            else if (t == typeof(uint)) await Numbers<uint>(group, rows);
            else if (t == typeof(ulong)) await Numbers<ulong>(group, rows);
            else if (t == typeof(decimal)) await Numbers<decimal>(group, rows);
            else if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>)) // Parquet.Net types UTF-8 columns either way
            {
                var values = new string?[rows];
                await group.ReadAsync(_field, values.AsMemory());
                foreach (var v in values) _text.Add(v ?? "");
            }
            else if (t == typeof(byte[]))
            {
                var values = new byte[]?[rows];
                await group.ReadAsync(_field, values.AsMemory());
                foreach (var v in values) _text.Add(v is null ? "" : System.Text.Encoding.UTF8.GetString(v));
            }
            else if (t == typeof(DateTime)) await Texts<DateTime>(group, rows, d => d.TimeOfDay == TimeSpan.Zero
                ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("O", CultureInfo.InvariantCulture));
            else if (t == typeof(DateOnly)) await Texts<DateOnly>(group, rows, d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            else if (t == typeof(bool)) await Texts<bool>(group, rows, b => b ? "true" : "false");
            else throw new TableFormatException($"{_path}: column '{_field.Name}'", $"unsupported Parquet column type {t.Name}");
        }

        async Task Numbers<T>(ParquetRowGroupReader group, int rows) where T : struct, INumberBase<T>
        {
            if (_field.IsNullable)
            {
                var values = new T?[rows];
                await group.ReadAsync<T>(_field, values.AsMemory());
                foreach (var v in values)
                {
                    _numbers.Add(v is { } x ? double.CreateTruncating(x) : double.NaN);
                    _missing.Add(v is null);
                }
            }
            else
            {
                var values = new T[rows];
                await group.ReadAsync<T>(_field, values.AsMemory());
                foreach (var v in values)
                {
                    _numbers.Add(double.CreateTruncating(v));
                    _missing.Add(false);
                }
            }
        }

        async Task Texts<T>(ParquetRowGroupReader group, int rows, Func<T, string> format) where T : struct
        {
            if (_field.IsNullable)
            {
                var values = new T?[rows];
                await group.ReadAsync<T>(_field, values.AsMemory());
                foreach (var v in values) _text.Add(v is { } x ? format(x) : "");
            }
            else
            {
                var values = new T[rows];
                await group.ReadAsync<T>(_field, values.AsMemory());
                foreach (var v in values) _text.Add(format(v));
            }
        }

        public TableColumn Build() => IsNumeric
            ? new NumberColumn(_field.Name, _numbers.ToArray(), _missing.Contains(true) ? _missing.ToArray() : null)
            : new TextColumn(_field.Name, _text.ToArray());
    }
}
