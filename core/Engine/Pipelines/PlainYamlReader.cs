using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>
/// Reads one YAML document into a plain tree of mappings, sequences and scalars, straight from the parser's events:
/// anchors and aliases are expanded into copies, merge keys (<c>&lt;&lt;: *common</c>) are applied, tags are refused,
/// and every node remembers the file position it came from. Nothing downstream ever sees an alias, a shared node or a tag.
/// </summary>
/// <remarks>
/// The limits make a hostile file fail fast with bounded memory: a "billion laughs" file (each anchor aliasing the one
/// before it nine times) asks for 10^k nodes at level k, so it stops at the alias that would pass
/// <see cref="MaxNodes"/> before anything is copied. A pipeline has a few hundred nodes; the bundled ones fewer than 200.
/// </remarks>
public sealed class PlainYamlReader
{
    /// <summary>Nodes in the document once every alias is expanded.</summary>
    public const int MaxNodes = 100_000;
    /// <summary>Characters in all scalars once every alias is expanded (a long text aliased many times).</summary>
    public const long MaxCharacters = 8_000_000;
    /// <summary>Aliases inside anchored nodes inside aliases…: how deep expansion may nest.</summary>
    public const int MaxAliasDepth = 8;
    /// <summary>Mappings and sequences inside each other; far deeper than any pipeline, shallow enough for the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>An anchored node, fully expanded, with what copying it costs.</summary>
    sealed record Anchored(YamlNode Node, int Nodes, long Characters, int AliasDepth);

    readonly Scanner _scanner;
    readonly IParser _parser;
    readonly string _text;
    readonly Func<Mark, SourceLocation> _locate;
    readonly Dictionary<string, Anchored> _anchors = new(StringComparer.Ordinal);
    readonly HashSet<string> _open = new(StringComparer.Ordinal);
    readonly Dictionary<YamlNode, Mark> _marks = new(ReferenceEqualityComparer.Instance);
    int _nodes;
    long _characters;

    PlainYamlReader(string text, Func<Mark, SourceLocation> locate)
    {
        _text = text;
        _locate = locate;
        _scanner = new Scanner(new StringReader(text));
        _parser = new Parser(_scanner);
    }

    /// <summary>The document's root node, and where each node of the tree came from.</summary>
    public sealed record Result(YamlNode? Root, IReadOnlyDictionary<YamlNode, Mark> Marks);

    /// <summary>
    /// Reads <paramref name="text"/>: null root for an empty stream; <see cref="PipelineException"/> (located by
    /// <paramref name="locate"/>) for a tag, an alias beyond the limits, a duplicate key or a second document;
    /// <see cref="YamlException"/> for YAML that does not parse.
    /// </summary>
    public static Result Read(string text, Func<Mark, SourceLocation> locate)
    {
        var reader = new PlainYamlReader(text, locate);
        try
        {
            return new Result(reader.ReadStream(), reader._marks);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way (not with a YamlException) when a '{' or '[' is left open and the
            // next line is less indented; report where it stopped.
            var at = reader._scanner.CurrentPosition;
            throw new YamlException(at, at, "cannot read on from here; is a '{' or '[' above left unclosed?");
        }
    }

    YamlNode? ReadStream()
    {
        _parser.Consume<StreamStart>();
        if (_parser.TryConsume<StreamEnd>(out _)) return null;
        _parser.Consume<DocumentStart>();
        var (root, _) = ReadNode(depth: 0);
        _parser.Consume<DocumentEnd>();
        if (_parser.Current is DocumentStart second)
            throw Error(second.Start, "expected one YAML document, found several");
        _parser.Consume<StreamEnd>();
        return root;
    }

    /// <summary>Reads the node at the parser's position; returns it and how deep its aliases nest.</summary>
    (YamlNode Node, int AliasDepth) ReadNode(int depth)
    {
        var current = _parser.Current ?? throw new YamlException("unexpected end of the YAML stream");
        if (current is AnchorAlias alias)
        {
            _parser.MoveNext();
            return Expand(alias);
        }
        var nodeEvent = (NodeEvent)current;
        if (!nodeEvent.Tag.IsEmpty)
            throw Error(nodeEvent.Start, $"YAML tags such as '{TagText(nodeEvent)}' are not allowed in pipelines: a pipeline is plain data");
        if (depth > MaxDepth)
            throw Error(nodeEvent.Start, $"nested more than {MaxDepth} levels deep");

        int nodesBefore = _nodes;
        long charactersBefore = _characters;
        var anchor = nodeEvent.Anchor.IsEmpty ? null : nodeEvent.Anchor.Value;
        if (anchor is not null) _open.Add(anchor);
        var (node, aliasDepth) = nodeEvent switch
        {
            Scalar s => (ReadScalar(s), 0),
            SequenceStart => ReadSequence(depth),
            MappingStart => ReadMapping(depth),
            _ => throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}"),
        };
        _marks[node] = nodeEvent.Start;
        if (anchor is not null)
        {
            _open.Remove(anchor);
            // A later anchor of the same name replaces the earlier one for the aliases after it (YAML 1.2, 3.2.2.2).
            _anchors[anchor] = new Anchored(node, _nodes - nodesBefore, _characters - charactersBefore, aliasDepth);
        }
        return (node, aliasDepth);
    }

    YamlScalarNode ReadScalar(Scalar s)
    {
        _parser.MoveNext();
        Count(1, s.Value.Length, s.Start);
        return new YamlScalarNode(s.Value) { Style = s.Style };
    }

    (YamlNode, int) ReadSequence(int depth)
    {
        var start = _parser.Consume<SequenceStart>();
        Count(1, 0, start.Start);
        var sequence = new YamlSequenceNode { Style = start.Style };
        int aliasDepth = 0;
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            var (child, childDepth) = ReadNode(depth + 1);
            sequence.Children.Add(child);
            aliasDepth = Math.Max(aliasDepth, childDepth);
        }
        return (sequence, aliasDepth);
    }

    /// <summary>
    /// A mapping; its <c>&lt;&lt;</c> keys (a mapping, or a list of them) are merged in afterwards, YAML 1.1 style: keys
    /// written in the mapping win over merged ones, and an earlier merged mapping wins over a later one.
    /// </summary>
    (YamlNode, int) ReadMapping(int depth)
    {
        var start = _parser.Consume<MappingStart>();
        Count(1, 0, start.Start);
        var mapping = new YamlMappingNode { Style = start.Style };
        var merged = new List<YamlMappingNode>();
        int aliasDepth = 0;
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = _parser.Current!;
            var (key, keyDepth) = ReadNode(depth + 1);
            if (key is not YamlScalarNode scalarKey)
                throw Error(keyEvent.Start, $"a key must be a plain value, found a {PipelineDocument.Describe(key)}");
            var (value, valueDepth) = ReadNode(depth + 1);
            aliasDepth = Math.Max(aliasDepth, Math.Max(keyDepth, valueDepth));
            if (IsMergeKey(scalarKey))
            {
                merged.AddRange(MergeSources(value, keyEvent.Start));
                continue;
            }
            if (mapping.Children.TryGetValue(scalarKey, out _))
            {
                var first = mapping.Children.Keys.First(k => k.Equals(scalarKey));
                throw Error(keyEvent.Start, $"duplicate key '{scalarKey.Value}' (first at line {_marks[first].Line})");
            }
            mapping.Children.Add(scalarKey, value);
        }
        foreach (var source in merged)
            foreach (var (key, value) in source.Children)
                mapping.Children.TryAdd(key, value);
        return (mapping, aliasDepth);
    }

    /// <summary>The plain key <c>&lt;&lt;</c> merges; a quoted <c>"&lt;&lt;"</c> is an ordinary key.</summary>
    static bool IsMergeKey(YamlScalarNode key) => key.Value == "<<" && key.Style == ScalarStyle.Plain;

    IEnumerable<YamlMappingNode> MergeSources(YamlNode value, Mark at) => value switch
    {
        YamlMappingNode m => new[] { m },
        YamlSequenceNode s when s.Children.All(c => c is YamlMappingNode) => s.Children.Cast<YamlMappingNode>(),
        _ => throw Error(at, $"'<<' merges a mapping or a list of mappings (e.g. <<: *common), found a {PipelineDocument.Describe(value)}"),
    };

    /// <summary>An alias: a fresh copy of the anchored node, refused before copying when it would pass the limits.</summary>
    (YamlNode, int) Expand(AnchorAlias alias)
    {
        var name = alias.Value.Value;
        if (_open.Contains(name))
            throw Error(alias.Start, $"alias '*{name}' refers to a node that contains it");
        if (!_anchors.TryGetValue(name, out var anchored))
            throw Error(alias.Start, $"alias '*{name}' has no anchor '&{name}' before it");
        int aliasDepth = anchored.AliasDepth + 1;
        if (aliasDepth > MaxAliasDepth)
            throw Error(alias.Start, $"alias '*{name}' nests aliases {aliasDepth} deep; at most {MaxAliasDepth} are expanded");
        Count(anchored.Nodes, anchored.Characters, alias.Start, name);
        return (Copy(anchored.Node), aliasDepth);
    }

    YamlNode Copy(YamlNode node)
    {
        YamlNode copy = node switch
        {
            YamlScalarNode s => new YamlScalarNode(s.Value) { Style = s.Style },
            YamlSequenceNode s => new YamlSequenceNode(s.Children.Select(Copy)) { Style = s.Style },
            YamlMappingNode m => new YamlMappingNode(m.Children.Select(kv => new KeyValuePair<YamlNode, YamlNode>(Copy(kv.Key), Copy(kv.Value)))) { Style = m.Style },
            _ => throw new InvalidOperationException($"unexpected {node.GetType().Name} in a plain tree"),
        };
        // A copy is located where its original was written: that is where a bad value has to be fixed.
        _marks[copy] = _marks[node];
        return copy;
    }

    void Count(int nodes, long characters, Mark at, string? alias = null)
    {
        _nodes += nodes;
        _characters += characters;
        var through = alias is null ? "" : $" (alias '*{alias}' adds {nodes} node(s))";
        if (_nodes > MaxNodes)
            throw Error(at, $"the document expands to more than {MaxNodes} nodes{through}; is an alias repeated inside the anchor it copies?");
        if (_characters > MaxCharacters)
            throw Error(at, $"the document expands to more than {MaxCharacters} characters of values{through}");
    }

    /// <summary>The tag as written (<c>!!int</c>), not as resolved (<c>tag:yaml.org,2002:int</c>).</summary>
    string TagText(NodeEvent e)
    {
        // The node's text starts at its properties: an anchor, the tag, or both in either order.
        int from = _text.IndexOf('!', (int)Math.Min(e.Start.Index, _text.Length));
        if (from < 0 || from > e.End.Index) return e.Tag.Value;
        int to = from;
        while (to < _text.Length && !char.IsWhiteSpace(_text[to]) && to - from < 60) to++;
        return _text[from..to];
    }

    PipelineException Error(Mark at, string message) => new(_locate(at), message);
}
