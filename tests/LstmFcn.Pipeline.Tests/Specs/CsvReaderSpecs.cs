using LstmFcn.Pipeline.Files;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The one reader of delimited text tables (core/Shared, compiled into the engine and every plugin): quoted cells,
/// a delimiter given or found from the first row, with or without a header, LF or CRLF, and errors that name the file
/// and line.
/// </summary>
public sealed class CsvReaderSpecs
{
    static CsvFile Parse(string text, CsvOptions? options = null) => CsvReader.Parse("t.csv", text, options ?? new CsvOptions());

    static string Error(string text, CsvOptions? options = null) =>
        Assert.Throws<CsvFormatException>(() => Parse(text, options)).Message;

    [Fact]
    public void A_header_names_the_columns_and_each_row_keeps_its_line()
    {
        var file = Parse("id,label\na,x\n\nb,y\n");

        Assert.Equal(new[] { "id", "label" }, file.Header);
        Assert.Equal(1, file.HeaderLine);
        Assert.Equal(new[] { 2, 4 }, file.Rows.Select(r => r.Line));
        Assert.Equal(new[] { "b", "y" }, file.Rows[1].Cells);
        Assert.Equal(1, file.IndexOf("label"));
    }

    [Theory]
    [InlineData("a,b;c\n1,2;3\n", ',')]
    [InlineData("a;b;c\n1;2;3\n", ';')]
    [InlineData("a\tb\tc\n1\t2\t3\n", '\t')]
    [InlineData("\"a;b\",c\n1,2\n", ',')]
    public void The_delimiter_is_the_most_frequent_of_comma_semicolon_and_tab_in_the_first_row_outside_quotes(string text, char expected)
    {
        Assert.Equal(expected, Parse(text).Delimiter);
    }

    [Fact]
    public void A_given_delimiter_is_used_as_is()
    {
        var file = Parse("a;b,c\n1;2,3\n", new CsvOptions { Delimiter = ',' });

        Assert.Equal(new[] { "a;b", "c" }, file.Header);
    }

    [Fact]
    public void Quoted_cells_hold_delimiters_doubled_quotes_and_line_breaks()
    {
        var file = Parse("id,text\na,\"x, \"\"y\"\"\nz\"\nb,w\n");

        Assert.Equal("x, \"y\"\nz", file.Rows[0].Cells[1]);
        Assert.Equal(4, file.Rows[1].Line);
    }

    [Fact]
    public void CRLF_and_LF_read_the_same_and_unquoted_cells_are_trimmed()
    {
        var lf = Parse("id, label\na ,x\n");
        var crlf = Parse("\uFEFFid, label\r\na ,x\r\n");

        Assert.Equal(lf.Header, crlf.Header);
        Assert.Equal(new[] { "a", "x" }, crlf.Rows[0].Cells);
    }

    [Fact]
    public void Without_a_header_every_row_is_data_and_rows_may_differ_in_width()
    {
        var file = Parse("A00001,N\r\nA00002,N,extra\r\n", new CsvOptions { Header = false });

        Assert.Empty(file.Header);
        Assert.Equal(new[] { 1, 2 }, file.Rows.Select(r => r.Line));
        Assert.Equal(3, file.Rows[1].Cells.Length);
    }

    [Fact]
    public void Comment_lines_are_skipped_when_a_comment_character_is_given()
    {
        var file = Parse("# labels; by file\ne_1.xy,low\n", new CsvOptions { Header = false, Comment = '#' });

        Assert.Equal(',', file.Delimiter);
        Assert.Equal(2, Assert.Single(file.Rows).Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \r\n")]
    public void A_file_of_blank_lines_is_empty(string text)
    {
        Assert.True(Parse(text).IsEmpty);
    }

    [Fact]
    public void A_ragged_row_is_reported_with_its_line_and_the_header_line()
    {
        Assert.Equal("t.csv:3: ragged row: 1 cells where the header (line 1) has 2 columns", Error("a,b\n1,2\n3\n"));
    }

    [Fact]
    public void An_unclosed_quote_is_reported_where_it_opened()
    {
        Assert.Equal("t.csv:2: a quoted cell is not closed before the end of the file", Error("a,b\n1,\"2\n3,4\n"));
    }

    [Fact]
    public void Text_after_a_closing_quote_is_reported_with_line_and_column()
    {
        Assert.Equal("t.csv:2:2: unexpected 'x' after the closing quote of a quoted cell; expected ',' or the end of the line",
            Error("a,b\n1,\"2\"x\n"));
    }
}
