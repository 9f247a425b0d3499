using Spectre.Console;

using LstmFcn.Pipeline.Engine.Naming;

namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary><c>lstmfcn plugins</c> lists every plugin found; <c>lstmfcn plugins describe NAME</c> shows its parameters.</summary>
static class PluginsCommand
{
    public static int Execute(CommandLine cl)
    {
        var catalog = PipelineLoading.Catalog(cl);
        if (cl.Positional.Count >= 1 && cl.Positional[0] == "describe")
        {
            if (cl.Positional.Count != 2) throw new UsageException("usage: lstmfcn plugins describe NAME");
            if (!catalog.TryGet(cl.Positional[1], out var entry))
                throw new UsageException($"no plugin named '{cl.Positional[1]}'; {Engine.Naming.NameSuggestions.Hint(cl.Positional[1], catalog.Entries.Select(e => e.Name))}");
            Describe(entry);
            return 0;
        }
        if (cl.Positional.Count > 0) throw new UsageException("usage: lstmfcn plugins [describe NAME]");

        var table = new Table().Border(TableBorder.Rounded).AddColumns("kind", "name", "description", "assembly");
        foreach (var kind in Enum.GetValues<PluginKind>())
            foreach (var e in catalog.OfKind(kind))
                table.AddRow(kind.ToString().ToLowerInvariant(), e.Name, Markup.Escape(e.Plugin.Description),
                    Markup.Escape(Path.GetFileName(e.AssemblyPath)));
        AnsiConsole.Write(table);
        Console.WriteLine($"Searched: {string.Join(", ", catalog.Folders)}");
        return 0;
    }

    static void Describe(Engine.Plugins.PluginEntry entry)
    {
        Console.WriteLine($"{entry.Name} ({entry.Kind.ToString().ToLowerInvariant()}): {entry.Plugin.Description}");
        Console.WriteLine($"from {entry.AssemblyPath}");
        if (entry.Plugin.Parameters.Count == 0) { Console.WriteLine("No parameters."); return; }
        var table = new Table().Border(TableBorder.Rounded).AddColumns("parameter", "type", "default", "range", "description");
        foreach (var p in entry.Plugin.Parameters)
            table.AddRow(p.Name, Markup.Escape(p.TypeName), Markup.Escape(p.Required ? "(required)" : FormatDefault(p.Default)),
                Markup.Escape(p.RangeText), Markup.Escape(p.Description));
        AnsiConsole.Write(table);
    }

    static string FormatDefault(object? value) => value switch
    {
        null => "(unset)",
        bool b => b ? "true" : "false",
        double d => d.ToString("G", System.Globalization.CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object>()) + "]",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""
    };
}
