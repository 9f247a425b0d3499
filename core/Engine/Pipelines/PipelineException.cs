namespace LstmFcn.Pipeline.Engine.Pipelines;

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
