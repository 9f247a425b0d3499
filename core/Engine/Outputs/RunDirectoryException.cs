namespace LstmFcn.Pipeline.Engine.Outputs;

/// <summary>A run directory that cannot be created, written or owned: the message says which folder and why.</summary>
public sealed class RunDirectoryException : IOException
{
    public RunDirectoryException(string message, Exception? inner = null) : base(message, inner) { }
}
