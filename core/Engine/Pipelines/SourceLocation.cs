namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>Where something in a pipeline came from: a file position, or a command-line override.</summary>
public sealed record SourceLocation(string Source, int Line, int Column)
{
    public override string ToString() => Line > 0 ? $"{Source}:{Line}:{Column}" : Source;
}
