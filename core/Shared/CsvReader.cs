using System.Text;

namespace LstmFcn.Pipeline.Files;

/// <summary>
/// (Source compiled into the engine, the CLI and every built-in plugin: the one reader of delimited text tables.)
/// RFC 4180 with the leniency files from spreadsheets and R need: quoted cells with <c>""</c> for a quote and line
/// breaks inside quotes; LF, CRLF or CR line ends; a byte-order mark; a comma, semicolon or tab, given or found from
/// the first row. Unquoted cells are trimmed; blank lines are skipped (they still count for line numbers). With a
/// header, every row must have as many cells as the header.
/// </summary>
static class CsvReader
{
    public static CsvFile Read(string path, CsvOptions options) => Parse(path, File.ReadAllText(path), options);

    /// <summary>Rows of <paramref name="text"/>; <paramref name="path"/> names it in messages.</summary>
    public static CsvFile Parse(string path, string text, CsvOptions options)
    {
        var parser = new Parser(path, text, options.Comment);
        char delimiter = options.Delimiter ?? parser.DetectDelimiter();
        CsvRecord? header = null;
        var rows = new List<CsvRecord>();
        while (parser.Next(delimiter) is { } record)
        {
            if (options.Header && header is null) { header = record; continue; }
            if (header is not null && record.Cells.Length != header.Cells.Length)
                throw new CsvFormatException($"{path}:{record.Line}",
                    $"ragged row: {record.Cells.Length} cells where the header (line {header.Line}) has {header.Cells.Length} columns");
            rows.Add(record);
        }
        return new CsvFile(path, delimiter, header, rows);
    }

    /// <summary>Splits the text into records, one at a time.</summary>
    sealed class Parser
    {
        readonly string _path;
        readonly string _text;
        readonly char? _comment;
        readonly StringBuilder _cell = new();
        int _pos;
        int _line = 1;

        public Parser(string path, string text, char? comment)
        {
            _path = path;
            _text = text;
            _comment = comment;
            if (_text.Length > 0 && _text[0] == '\uFEFF') _pos = 1; // byte-order mark
        }

        /// <summary>The most frequent of comma, semicolon and tab on the first row (outside quotes); comma when none occurs.</summary>
        public char DetectDelimiter()
        {
            int comma = 0, semicolon = 0, tab = 0;
            bool quoted = false, seenContent = false;
            for (int i = _pos; i < _text.Length; i++)
            {
                char ch = _text[i];
                if (!seenContent && !quoted && _comment is { } c && ch == c) { i = EndOfLine(i); continue; }
                if (ch == '"') quoted = !quoted;
                else if (!quoted && (ch == '\n' || ch == '\r')) { if (seenContent) break; }
                else if (!quoted && ch == ',') comma++;
                else if (!quoted && ch == ';') semicolon++;
                else if (!quoted && ch == '\t') tab++;
                if (!char.IsWhiteSpace(ch)) seenContent = true;
            }
            return tab > comma && tab >= semicolon ? '\t' : semicolon > comma ? ';' : ',';
        }

        /// <summary>The next non-blank, non-comment record; null at the end of the text.</summary>
        public CsvRecord? Next(char delimiter)
        {
            while (true)
            {
                SkipLineBreaks();
                int line = _line;
                if (_pos >= _text.Length) return null;
                if (IsCommentLine()) { _pos = EndOfLine(_pos); continue; }
                var cells = ReadRecord(delimiter);
                if (cells.Count > 1 || cells[0].Trim().Length > 0) return new CsvRecord(line, cells.ToArray()); // whitespace-only lines are blank
            }
        }

        bool IsCommentLine()
        {
            if (_comment is not { } comment) return false;
            int probe = _pos;
            while (probe < _text.Length && (_text[probe] == ' ' || _text[probe] == '\t')) probe++;
            return probe < _text.Length && _text[probe] == comment;
        }

        int EndOfLine(int from)
        {
            while (from < _text.Length && _text[from] != '\n' && _text[from] != '\r') from++;
            return from;
        }

        void SkipLineBreaks()
        {
            while (_pos < _text.Length && (_text[_pos] == '\n' || _text[_pos] == '\r'))
            {
                if (_text[_pos] == '\n' || !(_pos + 1 < _text.Length && _text[_pos + 1] == '\n')) _line++;
                _pos++;
            }
        }

        List<string> ReadRecord(char delimiter)
        {
            var cells = new List<string>();
            while (true)
            {
                int cellLine = _line, cellColumn = cells.Count + 1;
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
                    if (_pos < _text.Length && _text[_pos] != delimiter && _text[_pos] != '\n' && _text[_pos] != '\r')
                        throw new CsvFormatException($"{_path}:{_line}:{cellColumn}",
                            $"unexpected '{_text[_pos]}' after the closing quote of a quoted cell; expected '{Describe(delimiter)}' or the end of the line");
                }
                else
                {
                    int start = _pos;
                    while (_pos < _text.Length && _text[_pos] != delimiter && _text[_pos] != '\n' && _text[_pos] != '\r') _pos++;
                    _cell.Append(_text, start, _pos - start);
                }
                cells.Add(quoted ? _cell.ToString() : _cell.ToString().Trim());
                if (_pos < _text.Length && _text[_pos] == delimiter) { _pos++; continue; }
                return cells; // end of line or of the text: the line break is consumed by SkipLineBreaks
            }
        }

        void ReadQuoted(int openedOnLine)
        {
            while (true)
            {
                if (_pos >= _text.Length)
                    throw new CsvFormatException($"{_path}:{openedOnLine}", "a quoted cell is not closed before the end of the file");
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

        static string Describe(char delimiter) => delimiter == '\t' ? "\\t" : delimiter.ToString();
    }
}
