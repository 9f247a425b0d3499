using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>
/// The YAML tree of a pipeline file with command-line overrides applied, remembering where every node came from.
/// Only plain mappings, sequences and scalars are read (<see cref="PlainYamlReader"/>): no tags, nothing is
/// instantiated; anchors, aliases and merge keys are expanded before anything reads the tree, and top-level keys
/// starting with <c>x-</c> (extension keys, as in docker-compose: a place for anchors) are dropped once expanded.
/// </summary>
public sealed class PipelineDocument
{
    /// <summary>Top-level keys with this prefix hold shared pieces for aliases; the pipeline itself ignores them.</summary>
    public const string ExtensionKeyPrefix = "x-";

    readonly Dictionary<YamlNode, string> _overrideOrigin = new(ReferenceEqualityComparer.Instance);
    readonly IReadOnlyDictionary<YamlNode, Mark> _marks;

    PipelineDocument(string path, YamlMappingNode root, IReadOnlyDictionary<YamlNode, Mark> marks)
    {
        Path = path;
        Root = root;
        _marks = marks;
    }

    public string Path { get; }
    public string Directory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
    public YamlMappingNode Root { get; }

    /// <summary>A pipeline is a few kilobytes; a file far larger is not one, and is refused before it is read into memory.</summary>
    public const long MaxFileBytes = 8L << 20;

    public static PipelineDocument Load(string path)
    {
        if (!File.Exists(path))
            throw new PipelineException(new SourceLocation(path, 0, 0), "pipeline file not found");
        if (new FileInfo(path).Length is var length and > MaxFileBytes)
            throw new PipelineException(new SourceLocation(path, 0, 0),
                $"the file has {length >> 20} MB; a pipeline has a few KB (files over {MaxFileBytes >> 20} MB are not read)");
        using var reader = new StreamReader(path);
        return Parse(path, reader);
    }

    public static PipelineDocument Parse(string path, TextReader reader)
    {
        var (root, marks) = ReadTree(reader.ReadToEnd(), at => new SourceLocation(path, (int)at.Line, (int)at.Column));
        if (root is null)
            throw new PipelineException(new SourceLocation(path, 1, 1), "the file is empty; expected a mapping with at least 'loader' and 'model'");
        if (root is not YamlMappingNode mapping)
            throw new PipelineException(Locate(path, marks, root), "expected a mapping at the top of the pipeline (name:, loader:, model:, …)");
        foreach (var key in mapping.Children.Keys.OfType<YamlScalarNode>().Where(IsExtensionKey).ToList())
            mapping.Children.Remove(key);
        return new PipelineDocument(path, mapping, marks);
    }

    static bool IsExtensionKey(YamlScalarNode key) => key.Value?.StartsWith(ExtensionKeyPrefix, StringComparison.Ordinal) == true;

    /// <summary>
    /// The plain tree of <paramref name="text"/>; YAML that does not parse becomes a <see cref="PipelineException"/>
    /// at the position where the parser stopped.
    /// </summary>
    static PlainYamlReader.Result ReadTree(string text, Func<Mark, SourceLocation> locate)
    {
        try
        {
            return PlainYamlReader.Read(text, locate);
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            throw new PipelineException(locate(ErrorMark(e, text, message)), "invalid YAML: " + StripMark(message));
        }
    }

    /// <summary>
    /// Where a parse error is: YamlDotNet's own mark, except for a tab in the indentation, which it reports either with
    /// an empty mark (1:1) or where the token before the tab ends (the line above): then the first indenting tab from
    /// that mark on is where the problem is.
    /// </summary>
    static Mark ErrorMark(YamlException e, string text, string message)
    {
        bool empty = e.Start.Index == 0 && e.Start.Line <= 1;
        if (!empty && !message.Contains("tab", StringComparison.OrdinalIgnoreCase)) return e.Start;
        return IndentingTab(text, empty ? 0 : (int)Math.Min(e.Start.Index, text.Length)) ?? e.Start;
    }

    static Mark? IndentingTab(string text, int from)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n') { line++; lineStart = i + 1; continue; }
            if (c == '\t' && i >= from && text.AsSpan(lineStart, i - lineStart).Trim(' ').Trim('\t').IsEmpty)
                return new Mark(i, line, i - lineStart + 1);
        }
        return null;
    }

    static string StripMark(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: …) - (…): "; the location is printed separately.
        int i = message.LastIndexOf("): ", StringComparison.Ordinal);
        return i >= 0 ? message[(i + 3)..] : message;
    }

    static SourceLocation Locate(string path, IReadOnlyDictionary<YamlNode, Mark> marks, YamlNode node) =>
        marks.TryGetValue(node, out var at) ? new(path, (int)at.Line, (int)at.Column) : new(path, 0, 0);

    /// <summary>Where a node came from: its file position, or the override that set it.</summary>
    public SourceLocation LocationOf(YamlNode node) =>
        _overrideOrigin.TryGetValue(node, out var origin) ? new SourceLocation(origin, 0, 0) : Locate(Path, _marks, node);

    /// <summary>
    /// Applies <c>a.b.c=value</c>: dotted keys walk mappings (and sequence indices: <c>preprocess.0.with.x</c>);
    /// missing mappings are created; the value is read as YAML (so <c>[1, 2]</c> is a list, <c>true</c> a boolean).
    /// </summary>
    /// <param name="origin">How messages name the override (default <c>--set a.b.c=value</c>).</param>
    public void ApplyOverride(string assignment, string? origin = null)
    {
        origin ??= $"--set {assignment}";
        int eq = assignment.IndexOf('=');
        if (eq <= 0)
            throw new PipelineException(new SourceLocation(origin, 0, 0), "expected KEY=VALUE, e.g. --set model.with.epochs=10");
        var keys = assignment[..eq].Trim().Split('.');
        var valueText = assignment[(eq + 1)..];
        if (keys[0].StartsWith(ExtensionKeyPrefix, StringComparison.Ordinal))
            throw new PipelineException(new SourceLocation(origin, 0, 0),
                $"'{keys[0]}' is an extension key: it reaches the pipeline only through aliases, which are expanded before " +
                "--set applies; set the value where it is used (e.g. --set model.with.epochs=10)");
        var value = ReadOverrideValue(valueText, origin);
        MarkOverride(value, origin);

        YamlNode current = Root;
        for (int i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            bool last = i == keys.Length - 1;
            switch (current)
            {
                case YamlMappingNode map:
                {
                    var keyNode = new YamlScalarNode(key);
                    // A key or mapping the override adds is reported as coming from the override.
                    _overrideOrigin[keyNode] = origin;
                    if (last) { map.Children[keyNode] = value; return; }
                    if (!map.Children.TryGetValue(keyNode, out var next))
                    {
                        next = new YamlMappingNode();
                        _overrideOrigin[next] = origin;
                        map.Children[keyNode] = next;
                    }
                    current = next;
                    break;
                }
                case YamlSequenceNode seq when int.TryParse(key, out var index):
                    if (index < 0 || index >= seq.Children.Count)
                        throw new PipelineException(new SourceLocation(origin, 0, 0),
                            $"index {index} is out of range: '{string.Join('.', keys[..i])}' has {seq.Children.Count} items");
                    if (last) { seq.Children[index] = value; return; }
                    current = seq.Children[index];
                    break;
                default:
                    throw new PipelineException(new SourceLocation(origin, 0, 0),
                        $"'{string.Join('.', keys[..i])}' is a {Describe(current)}, so '{key}' cannot be set inside it");
            }
        }
    }

    /// <summary>
    /// An override's value read as YAML by the same rules as the file (a tag is refused, aliases are bounded);
    /// text that does not parse as YAML is taken as it is, a string.
    /// </summary>
    static YamlNode ReadOverrideValue(string valueText, string origin)
    {
        var text = valueText.Length == 0 ? "''" : valueText;
        try
        {
            var root = PlainYamlReader.Read(text,
                at => new SourceLocation($"{origin} (column {at.Column} of the value)", 0, 0)).Root;
            return root ?? new YamlScalarNode("");
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return new YamlScalarNode(valueText);
        }
    }

    void MarkOverride(YamlNode node, string origin)
    {
        _overrideOrigin[node] = origin;
        switch (node)
        {
            case YamlMappingNode m:
                foreach (var (k, v) in m.Children) { MarkOverride(k, origin); MarkOverride(v, origin); }
                break;
            case YamlSequenceNode s:
                foreach (var c in s.Children) MarkOverride(c, origin);
                break;
        }
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        YamlScalarNode s => $"value '{s.Value}'",
        _ => "node"
    };
}
