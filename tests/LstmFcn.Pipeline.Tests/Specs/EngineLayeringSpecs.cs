using System.Text.RegularExpressions;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The engine's folders depend on each other in one direction only — Naming, Data → Plugins → Pipelines → Outputs →
/// Models → Evaluation → Running — so each can be read, changed and tested without the ones above it. Read from the
/// sources: every <c>using</c> of an engine namespace and every name qualified by an engine folder.
/// </summary>
public sealed partial class EngineLayeringSpecs
{
    static readonly string[] Folders = { "Naming", "Data", "Plugins", "Pipelines", "Outputs", "Models", "Evaluation", "Running" };

    [GeneratedRegex(@"^using LstmFcn\.Pipeline\.Engine\.(\w+);", RegexOptions.Multiline)]
    private static partial Regex UsingEngine();

    [GeneratedRegex(@"(?<![\w.])(?:Engine\.)?(Naming|Data|Plugins|Pipelines|Outputs|Models|Evaluation|Running)\.[A-Z]\w*")]
    private static partial Regex QualifiedName();

    static Dictionary<string, HashSet<string>> Dependencies()
    {
        var engine = Path.Combine(Repo.Root, "core", "Engine");
        var graph = Folders.ToDictionary(f => f, _ => new HashSet<string>());
        foreach (var folder in Folders)
            foreach (var file in Directory.GetFiles(Path.Combine(engine, folder), "*.cs", SearchOption.AllDirectories))
            {
                var code = File.ReadAllText(file);
                var referenced = UsingEngine().Matches(code).Select(m => m.Groups[1].Value)
                    .Concat(QualifiedName().Matches(code).Select(m => m.Groups[1].Value));
                foreach (var other in referenced)
                    if (other != folder && graph.ContainsKey(other)) graph[folder].Add(other);
            }
        return graph;
    }

    [Fact]
    public void Every_engine_source_file_lives_in_one_of_the_layer_folders()
    {
        var engine = Path.Combine(Repo.Root, "core", "Engine");
        var stray = Directory.GetFiles(engine, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(engine, f))
            .Where(f => !f.StartsWith("obj", StringComparison.Ordinal) && !f.StartsWith("bin", StringComparison.Ordinal))
            .Where(f => !Folders.Contains(f.Split(Path.DirectorySeparatorChar)[0]))
            .ToList();
        Assert.True(stray.Count == 0, "engine files outside the layer folders: " + string.Join(", ", stray));
    }

    [Fact]
    public void Engine_folders_depend_only_on_folders_below_them()
    {
        var graph = Dependencies();
        var upward = graph.SelectMany(kv => kv.Value.Where(d => Array.IndexOf(Folders, d) > Array.IndexOf(Folders, kv.Key))
            .Select(d => $"{kv.Key} → {d}")).ToList();
        Assert.True(upward.Count == 0, "engine folders that reach up a layer: " + string.Join(", ", upward));
    }
}
