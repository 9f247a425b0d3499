using System.Text;

namespace LstmFcn.Plugins.Tables;

/// <summary>
/// Reads a delimited text table (RFC 4180: a header row, quoted fields with <c>""</c> for a quote, line breaks inside
/// quotes) into a <see cref="SampleTable"/>. The delimiter is a comma, semicolon or tab; <c>auto</c> takes the one
/// that occurs most often in the header. Blank lines are skipped; every row must have as many cells as the header.
/// </summary>
public static class CsvTableReader
{
    public static SampleTable Read(string path, char? delimiter)
    {
        var text = File.ReadAllText(path);
        var parser = new RecordParser(path, text);
        char sep = delimiter ?? DetectDelimiter(text);
        if (!parser.NextRecord(out var headerLine, sep))
            throw new TableFormatException(path, "the file is empty: expected a header row, then one row per sample (wide) or per sample and time (long)");
        var header = parser.Cells.ToArray();
        var names = NameColumns(path, headerLine, header);

        var cells = new List<string>[names.Length];
        for (int c = 0; c < cells.Length; c++) cells[c] = new List<string>();
        var lines = new List<int>();
        while (parser.NextRecord(out var line, sep))
        {
            if (parser.Cells.Count != names.Length)
                throw new TableFormatException($"{path}:{line}",
                    $"ragged row: {parser.Cells.Count} cells where the header (line {headerLine}) has {names.Length} columns");
            for (int c = 0; c < names.Length; c++) cells[c].Add(parser.Cells[c]);
            lines.Add(line);
        }
        if (lines.Count == 0)
            throw new TableFormatException($"{path}:{headerLine}", "the table has a header but no data rows");

        var columns = new TableColumn[names.Length];
        for (int c = 0; c < names.Length; c++) columns[c] = new TextColumn(names[c], cells[c].ToArray());
        return new SampleTable(path, columns, lines.Count, lines.ToArray(), headerLine);
    }

    /// <summary>
    /// Header cells become column names. R's <c>write.csv</c> leaves the row-name column's header empty: such a column
    /// is called <c>unnamed-N</c> (N = its 1-based position; a name no value-column pattern takes for a band) rather
    /// than rejected.
    /// </summary>
    static string[] NameColumns(string path, int line, IReadOnlyList<string> header)
    {
        var names = new string[header.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < header.Count; c++)
        {
            var name = header[c].Trim();
            if (name.Length == 0) name = $"unnamed-{c + 1}";
            if (!seen.TryAdd(name, c))
                throw new TableFormatException($"{path}:{line}:{c + 1}",
                    $"column name '{name}' appears twice in the header (columns {seen[name] + 1} and {c + 1})");
            names[c] = name;
        }
        return names;
    }

    /// <summary>The most frequent of comma, semicolon and tab on the first non-blank line (outside quotes).</summary>
    static char DetectDelimiter(string text)
    {
        int comma = 0, semicolon = 0, tab = 0;
        bool quoted = false, seenContent = false;
        foreach (char ch in text)
        {
            if (ch == '"') quoted = !quoted;
            else if (!quoted && (ch == '\n' || ch == '\r')) { if (seenContent) break; }
            else if (!quoted && ch == ',') comma++;
            else if (!quoted && ch == ';') semicolon++;
            else if (!quoted && ch == '\t') tab++;
            if (!char.IsWhiteSpace(ch)) seenContent = true;
        }
        return tab > comma && tab >= semicolon ? '\t' : semicolon > comma ? ';' : ',';
    }

    /// <summary>Splits the text into records, one at a time, reusing one list of cells.</summary>
    sealed class RecordParser
    {
        readonly string _path;
        readonly string _text;
        readonly StringBuilder _cell = new();
        int _pos;
        int _line = 1;

        public RecordParser(string path, string text)
        {
            _path = path;
            _text = text;
            if (_text.Length > 0 && _text[0] == '\uFEFF') _pos = 1; // byte-order mark
        }

        public List<string> Cells { get; } = new();

        /// <summary>Reads the next non-blank record; false at the end of the text.</summary>
        public bool NextRecord(out int startLine, char separator)
        {
            while (true)
            {
                SkipLineBreaks();
                startLine = _line;
                if (_pos >= _text.Length) return false;
                ReadRecord(separator);
                if (Cells.Count > 1 || Cells[0].Trim().Length > 0) return true; // whitespace-only lines are blank
            }
        }

        void SkipLineBreaks()
        {
            while (_pos < _text.Length && (_text[_pos] == '\n' || _text[_pos] == '\r'))
            {
                if (_text[_pos] == '\n' || !(_pos + 1 < _text.Length && _text[_pos + 1] == '\n')) _line++;
                _pos++;
            }
        }

        void ReadRecord(char separator)
        {
            Cells.Clear();
            while (true)
            {
                int cellLine = _line, cellColumn = Cells.Count + 1;
                _cell.Clear();
                bool quoted = false;
                // Leading spaces before an opening quote are allowed.
                int probe = _pos;
                while (probe < _text.Length && _text[probe] == ' ') probe++;
                if (probe < _text.Length && _text[probe] == '"')
                {
                    quoted = true;
                    _pos = probe + 1;
                    ReadQuoted(cellLine);
                    while (_pos < _text.Length && _text[_pos] == ' ') _pos++;
                    if (_pos < _text.Length && _text[_pos] != separator && _text[_pos] != '\n' && _text[_pos] != '\r')
                        throw new TableFormatException($"{_path}:{_line}:{cellColumn}",
                            $"unexpected '{_text[_pos]}' after the closing quote of a quoted cell; expected '{Describe(separator)}' or the end of the line");
                }
                else
                {
                    int start = _pos;
                    while (_pos < _text.Length && _text[_pos] != separator && _text[_pos] != '\n' && _text[_pos] != '\r') _pos++;
                    _cell.Append(_text, start, _pos - start);
                }
                Cells.Add(quoted ? _cell.ToString() : _cell.ToString().Trim());
                if (_pos < _text.Length && _text[_pos] == separator) { _pos++; continue; }
                return; // end of line or of the text: the line break is consumed by SkipLineBreaks
            }
        }

        void ReadQuoted(int openedOnLine)
        {
            while (true)
            {
                if (_pos >= _text.Length)
                    throw new TableFormatException($"{_path}:{openedOnLine}", "a quoted cell is not closed before the end of the file");
                char ch = _text[_pos++];
                if (ch == '"')
                {
                    if (_pos < _text.Length && _text[_pos] == '"') { _cell.Append('"'); _pos++; continue; }
                    return;
                }
                if (ch == '\n' || (ch == '\r' && !(_pos < _text.Length && _text[_pos] == '\n'))) _line++;
                _cell.Append(ch);
            }
        }

        static string Describe(char separator) => separator == '\t' ? "\\t" : separator.ToString();
    }
}
