using System.Text;

namespace LstmFcn.Pipeline.Engine.Running;

public sealed class SilentConsole : IConsoleSink
{
    public static readonly SilentConsole Instance = new();
    public void Line(string level, string message) { }
    public void Table(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows) { }
}
