namespace LstmFcn.Pipeline.Engine.Pipelines;

public sealed record PipelineError(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
