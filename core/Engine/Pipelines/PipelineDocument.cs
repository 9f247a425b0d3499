using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>
/// The YAML tree of a pipeline file with command-line overrides applied, remembering where every node came from.
/// Only plain mappings, sequences and scalars are read: no tags, no anchors to types, nothing is instantiated.
/// </summary>
public sealed class PipelineDocument
{
    readonly Dictionary<YamlNode, string> _overrideOrigin = new(ReferenceEqualityComparer.Instance);

    PipelineDocument(string path, YamlMappingNode root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }
    public string Directory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
    public YamlMappingNode Root { get; }

    public static PipelineDocument Load(string path)
    {
        if (!File.Exists(path))
            throw new PipelineException(new SourceLocation(path, 0, 0), "pipeline file not found");
        using var reader = new StreamReader(path);
        return Parse(path, reader);
    }

    public static PipelineDocument Parse(string path, TextReader reader)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(reader);
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            throw new PipelineException(new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column),
                "invalid YAML: " + StripMark(message));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way (not with a YamlException) when a '{' or '[' is left open and the
            // next line is less indented; report where it stopped rather than crash.
            var at = scanner.CurrentPosition;
            throw new PipelineException(new SourceLocation(path, (int)at.Line, (int)at.Column),
                "invalid YAML: cannot read on from here; is a '{' or '[' above left unclosed?");
        }
        if (stream.Documents.Count == 0)
            throw new PipelineException(new SourceLocation(path, 1, 1), "the file is empty; expected a mapping with at least 'loader' and 'model'");
        if (stream.Documents.Count > 1)
            throw new PipelineException(Locate(path, stream.Documents[1].RootNode), "expected one YAML document, found several");
        var root = stream.Documents[0].RootNode;
        RejectTags(path, root);
        if (root is not YamlMappingNode mapping)
            throw new PipelineException(Locate(path, root), "expected a mapping at the top of the pipeline (name:, loader:, model:, …)");
        return new PipelineDocument(path, mapping);
    }

    static string StripMark(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: …) - (…): "; the location is printed separately.
        int i = message.LastIndexOf("): ", StringComparison.Ordinal);
        return i >= 0 ? message[(i + 3)..] : message;
    }

    static void RejectTags(string path, YamlNode node)
    {
        if (!node.Tag.IsEmpty)
            throw new PipelineException(Locate(path, node), $"YAML tags such as '{node.Tag}' are not allowed in pipelines");
        switch (node)
        {
            case YamlMappingNode m:
                foreach (var (k, v) in m.Children) { RejectTags(path, k); RejectTags(path, v); }
                break;
            case YamlSequenceNode s:
                foreach (var c in s.Children) RejectTags(path, c);
                break;
        }
    }

    static SourceLocation Locate(string path, YamlNode node) => new(path, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>Where a node came from: its file position, or the override that set it.</summary>
    public SourceLocation LocationOf(YamlNode node) =>
        _overrideOrigin.TryGetValue(node, out var origin) ? new SourceLocation(origin, 0, 0) : Locate(Path, node);

    /// <summary>
    /// Applies <c>a.b.c=value</c>: dotted keys walk mappings (and sequence indices: <c>preprocess.0.with.x</c>);
    /// missing mappings are created; the value is read as YAML (so <c>[1, 2]</c> is a list, <c>true</c> a boolean).
    /// </summary>
    public void ApplyOverride(string assignment)
    {
        var origin = $"--set {assignment}";
        int eq = assignment.IndexOf('=');
        if (eq <= 0)
            throw new PipelineException(new SourceLocation(origin, 0, 0), "expected KEY=VALUE, e.g. --set model.with.epochs=10");
        var keys = assignment[..eq].Trim().Split('.');
        var valueText = assignment[(eq + 1)..];

        YamlNode value;
        try
        {
            var s = new YamlStream();
            s.Load(new StringReader(valueText.Length == 0 ? "''" : valueText));
            value = s.Documents.Count == 0 ? new YamlScalarNode("") : s.Documents[0].RootNode;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            value = new YamlScalarNode(valueText);
        }
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
