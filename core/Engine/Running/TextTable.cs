using System.Text;

namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>Plain-text tables for logs and Markdown-free terminals.</summary>
public static class TextTable
{
    public static string Render(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in rows)
            for (int i = 0; i < Math.Min(row.Count, widths.Length); i++) widths[i] = Math.Max(widths[i], row[i].Length);
        var sb = new StringBuilder();
        sb.AppendLine(title);
        sb.AppendLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
            sb.AppendLine(string.Join("  ", row.Select((c, i) => i < widths.Length ? c.PadRight(widths[i]) : c)).TrimEnd());
        return sb.ToString();
    }
}
