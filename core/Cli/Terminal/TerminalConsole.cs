using LstmFcn.Pipeline.Engine.Running;
using Spectre.Console;

namespace LstmFcn.Pipeline.Cli.Terminal;

/// <summary>Shows log lines and tables on the terminal with Spectre.Console.</summary>
public sealed class TerminalConsole : IConsoleSink
{
    public void Line(string level, string message)
    {
        var text = Markup.Escape(message);
        AnsiConsole.MarkupLine(level switch
        {
            "warn" => $"[yellow]warning:[/] {text}",
            "error" => $"[red]error:[/] {text}",
            _ => text
        });
    }

    public void Table(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var table = new Table().Title(Markup.Escape(title)).Border(TableBorder.Rounded);
        foreach (var h in headers) table.AddColumn(new TableColumn(Markup.Escape(h)));
        foreach (var row in rows) table.AddRow(row.Select(c => Markup.Escape(c)).ToArray());
        AnsiConsole.Write(table);
    }
}
