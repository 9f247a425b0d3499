namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>Where something in a pipeline came from: a file position, or a command-line override.</summary>
public sealed record SourceLocation(string Source, int Line, int Column)
{
    public override string ToString() => Line > 0 ? $"{Source}:{Line}:{Column}" : Source;
}

public sealed record PipelineError(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>A pipeline that cannot run; carries every problem found, each with its location.</summary>
public sealed class PipelineException : Exception
{
    public PipelineException(IReadOnlyList<PipelineError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
    {
        Errors = errors;
    }

    public PipelineException(SourceLocation location, string message) : this(new[] { new PipelineError(location, message) }) { }

    public IReadOnlyList<PipelineError> Errors { get; }
}
