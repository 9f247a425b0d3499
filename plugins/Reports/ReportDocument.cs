using System.Net;
using System.Text;

namespace LstmFcn.Plugins.Reports;

/// <summary>
/// A report as a list of blocks, rendered twice: as one self-contained HTML file (images inlined as base64) and as
/// Markdown whose images point at the PNG files beside it.
/// </summary>
sealed class ReportDocument
{
    abstract record Block;
    sealed record Heading(string Text, int Level) : Block;
    sealed record Paragraph(string Text) : Block;
    sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, string? Caption) : Block;
    sealed record Image(string RelativePath, byte[] Png, string Caption) : Block;
    sealed record Preformatted(string Text) : Block;

    readonly List<Block> _blocks = new();

    public ReportDocument(string title) => Title = title;

    public string Title { get; }

    public void AddHeading(string text, int level = 2) => _blocks.Add(new Heading(text, level));
    public void AddParagraph(string text) => _blocks.Add(new Paragraph(text));
    public void AddTable(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, string? caption = null) =>
        _blocks.Add(new Table(headers, rows, caption));
    public void AddImage(string relativePath, byte[] png, string caption) => _blocks.Add(new Image(relativePath, png, caption));
    public void AddPreformatted(string text) => _blocks.Add(new Preformatted(text));

    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encode(Title)).Append("</title>\n<style>\n")
            .Append("body{font-family:system-ui,-apple-system,'DejaVu Sans',sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}\n")
            .Append("h1{border-bottom:2px solid #4a7ab5;padding-bottom:.2em}h2{margin-top:1.8em;color:#2c4f7c}\n")
            .Append("table{border-collapse:collapse;margin:.6em 0 1.2em}th,td{border:1px solid #ccc;padding:.25em .7em;text-align:right}\n")
            .Append("th{background:#eef2f7}td:first-child,th:first-child{text-align:left}caption{caption-side:top;text-align:left;font-weight:bold;padding:.3em 0}\n")
            .Append("figure{margin:1em 0}figure img{max-width:100%;border:1px solid #ddd}figcaption{color:#555;font-size:.92em}\n")
            .Append("pre{background:#f6f8fa;padding:.8em;overflow:auto;font-size:.85em;max-height:30em}\n")
            .Append("</style>\n</head>\n<body>\n<h1>").Append(Encode(Title)).Append("</h1>\n");
        foreach (var block in _blocks)
        {
            switch (block)
            {
                case Heading h:
                    html.Append($"<h{h.Level}>").Append(Encode(h.Text)).Append($"</h{h.Level}>\n");
                    break;
                case Paragraph p:
                    html.Append("<p>").Append(Encode(p.Text)).Append("</p>\n");
                    break;
                case Table t:
                    html.Append("<table>");
                    if (t.Caption is not null) html.Append("<caption>").Append(Encode(t.Caption)).Append("</caption>");
                    html.Append("<tr>");
                    foreach (var head in t.Headers) html.Append("<th>").Append(Encode(head)).Append("</th>");
                    html.Append("</tr>\n");
                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>");
                        foreach (var cell in row) html.Append("<td>").Append(Encode(cell)).Append("</td>");
                        html.Append("</tr>\n");
                    }
                    html.Append("</table>\n");
                    break;
                case Image i:
                    html.Append("<figure><img alt=\"").Append(Encode(i.Caption)).Append("\" src=\"data:image/png;base64,")
                        .Append(Convert.ToBase64String(i.Png)).Append("\"><figcaption>").Append(Encode(i.Caption))
                        .Append("</figcaption></figure>\n");
                    break;
                case Preformatted pre:
                    html.Append("<pre>").Append(Encode(pre.Text)).Append("</pre>\n");
                    break;
            }
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append("# ").Append(Title).Append("\n\n");
        foreach (var block in _blocks)
        {
            switch (block)
            {
                case Heading h:
                    md.Append(new string('#', h.Level)).Append(' ').Append(h.Text).Append("\n\n");
                    break;
                case Paragraph p:
                    md.Append(p.Text).Append("\n\n");
                    break;
                case Table t:
                    if (t.Caption is not null) md.Append("**").Append(t.Caption).Append("**\n\n");
                    md.Append("| ").Append(string.Join(" | ", t.Headers.Select(Cell))).Append(" |\n");
                    md.Append('|').Append(string.Concat(t.Headers.Select((_, i) => i == 0 ? "---|" : "---:|"))).Append('\n');
                    foreach (var row in t.Rows) md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
                    md.Append('\n');
                    break;
                case Image i:
                    md.Append("![").Append(i.Caption).Append("](").Append(i.RelativePath).Append(")\n\n*").Append(i.Caption).Append("*\n\n");
                    break;
                case Preformatted pre:
                    md.Append("```yaml\n").Append(pre.Text.TrimEnd()).Append("\n```\n\n");
                    break;
            }
        }
        return md.ToString();
    }

    static string Encode(string text) => WebUtility.HtmlEncode(text);
    static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
