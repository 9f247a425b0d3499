namespace LstmFcn.Pipeline.Cli;

public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }
}
