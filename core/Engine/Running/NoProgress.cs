using System.Text;

namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>Progress that goes nowhere (quiet runs, tests).</summary>
public sealed class NoProgress : IProgressSink
{
    public static readonly NoProgress Instance = new();
    public IProgressBar Start(string description, double total) => Bar.Instance;
    sealed class Bar : IProgressBar
    {
        public static readonly Bar Instance = new();
        public void Report(double value, string? status = null) { }
        public void Dispose() { }
    }
}
